/**
 * The patient-privacy guard: hospital chats leak patient data, and every text goes to WeChat's content
 * check (Tencent). Text that looks like a national ID number, a mainland mobile number or an inpatient
 * number (住院号) makes the client ask “可能包含患者隐私，确认发送？” before sending; the server refuses
 * the same text unless the sender confirmed. A guess, not a filter: false positives only cost a tap.
 */

/** 18-digit resident ID (last may be X), 6-digit area + 19xx/20xx birth date; not inside a longer number. */
const NATIONAL_ID = /(?<!\d)[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/;
/** Mainland mobile: 1[3-9] + 9 digits, optionally written 3-4-4 with spaces or dashes; not inside a longer number. */
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/;
/** 住院号 / 病案号 / 住院号码 / 床号+number, or ID-like hospital numbers right after those words. */
const INPATIENT = /(?:住院号|住院号码|病案号|病历号|住院编号|ID号)\s*[:：#]?\s*[A-Za-z]?\d{4,}/i;

export type PrivacyHit = 'national_id' | 'mobile' | 'inpatient_no';

/** What kinds of patient data the text seems to contain (empty = none). */
export function privacyHits(text: string): PrivacyHit[] {
  const hits: PrivacyHit[] = [];
  if (NATIONAL_ID.test(text)) hits.push('national_id');
  if (MOBILE.test(text)) hits.push('mobile');
  if (INPATIENT.test(text)) hits.push('inpatient_no');
  return hits;
}

export const looksLikePatientData = (text: string): boolean => privacyHits(text).length > 0;

export const PRIVACY_HIT_LABELS: Record<PrivacyHit, string> = {
  national_id: '身份证号',
  mobile: '手机号',
  inpatient_no: '住院号',
};
