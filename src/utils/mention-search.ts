import { pinyin } from 'pinyin-pro';

/**
 * Finding a colleague for an @mention by what a hurried thumb types: part of the name (王建), the
 * pinyin initials (wjg), or the full pinyin (wangjianguo). Surnames are read as surnames (单 = shan).
 */
export interface MentionCandidate {
  memberId: string;
  name: string;
}

interface Keys {
  initials: string;
  full: string;
}

const cache = new Map<string, Keys>();

function keysOf(name: string): Keys {
  let keys = cache.get(name);
  if (!keys) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' }).map((s) => s.toLowerCase());
    keys = { initials: syllables.map((s) => s.charAt(0)).join(''), full: syllables.join('') };
    cache.set(name, keys);
  }
  return keys;
}

/** Lower is better: exact name, name prefix, initials prefix, name contains, full pinyin prefix, initials contain. */
function rank(c: MentionCandidate, q: string): number | null {
  if (c.name === q) return 0;
  if (c.name.startsWith(q)) return 1;
  const lower = q.toLowerCase().replace(/\s+/g, '');
  if (/^[a-z]+$/.test(lower)) {
    const k = keysOf(c.name);
    if (k.initials.startsWith(lower)) return 2;
    if (k.full.startsWith(lower)) return 4;
    if (k.initials.includes(lower)) return 5;
    if (k.full.includes(lower)) return 6;
  }
  if (c.name.includes(q)) return 3;
  return null;
}

/** Candidates matching `query`, best first (ties keep the given order); all of them for an empty query. */
export function searchMentions<C extends MentionCandidate>(candidates: ReadonlyArray<C>, query: string): C[] {
  const q = query.trim();
  if (!q) return [...candidates];
  return candidates
    .map((c, i) => ({ c, i, r: rank(c, q) }))
    .filter((x): x is { c: C; i: number; r: number } => x.r !== null)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c);
}
