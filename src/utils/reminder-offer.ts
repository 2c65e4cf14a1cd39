import { noticesApi } from '../platform/api';
import { bankReminderSilently, canOfferReminderToday, markReminderOffered, requestReminderSubscription } from '../platform/subscribe';

/**
 * A natural moment to bank a WeChat reminder credit (a lesson's check submitted, a chat message sent).
 * Call it synchronously inside the tap: WeChat shows its prompt only from one. At most one visible
 * prompt a day (shared with the notice card); otherwise a silent grant for members who ticked
 * 总是保持以上选择. Accepted credits are reported to the server; any failure costs nothing. No-op on H5.
 */
export function offerRemindersAtNaturalMoment(): void {
  const ask = canOfferReminderToday() ? (markReminderOffered(), requestReminderSubscription()) : bankReminderSilently();
  void ask.then((accepted) => (accepted > 0 ? noticesApi('subscribe', { accepted }) : undefined)).catch(() => undefined);
}
