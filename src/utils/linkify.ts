/** A run of plain text or one web address inside it. */
export interface TextSegment {
  text: string;
  link: boolean;
}

// http(s):// or www. up to whitespace, quotes, angle brackets or full-width punctuation.
const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>"'“”‘’，。；：！？、（）《》【】]+/gi;
// Trailing ASCII punctuation usually ends the sentence, not the address.
const TRAILING = /[.,;:!?)\]}]+$/;

/** Splits text into plain runs and web addresses, in order; the pieces join back to the input. */
export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  // exec rather than matchAll: older WeChat JS engines lack the latter.
  const pattern = new RegExp(URL_PATTERN.source, URL_PATTERN.flags);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const url = match[0].replace(TRAILING, '');
    if (!url.includes('.') || url.length < 8) continue;
    if (start > last) segments.push({ text: text.slice(last, start), link: false });
    segments.push({ text: url, link: true });
    last = start + url.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), link: false });
  return segments;
}

/** Body text as paragraphs: one per line, blank lines kept as empty strings (spacing). */
export const paragraphsOf = (body: string): string[] => body.replace(/\r\n?/g, '\n').split('\n');
