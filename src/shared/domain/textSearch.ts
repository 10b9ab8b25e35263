// Full-text search words and excerpts, shared by the service (which cuts the excerpt) and the page
// (which highlights the words in it). Pure: no SQL here — escaping for the store is in the repo.

/** Longest query the search box accepts, in characters. */
export const MAX_SEARCH_LENGTH = 50;
/** At most this many words count; more add nothing a secretary would type. */
export const MAX_SEARCH_WORDS = 8;

/** Characters of a string as the user sees them (a CJK extension character is one, not two). */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/**
 * The words of a query: separated by spaces (half- or full-width), each to be found somewhere in
 * the record. Duplicates, and words contained in another word of the query, add nothing and are dropped.
 */
export function searchWords(query: string | null | undefined): string[] {
  const words = (query ?? '')
    .split(/[\s\u3000]+/u)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
  const unique = [...new Set(words)];
  return unique.filter((word) => !unique.some((other) => other !== word && other.includes(word))).slice(0, MAX_SEARCH_WORDS);
}

export interface TextSegment {
  text: string;
  hit: boolean;
}

/** Splits text into runs that are one of the words (case-insensitive) and runs that are not, for highlighting. */
export function highlightSegments(text: string, words: readonly string[]): TextSegment[] {
  // Lower-casing can change the length of a few scripts' letters; then match as typed.
  const fold = text.toLowerCase().length === text.length;
  const lower = fold ? text.toLowerCase() : text;
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    if (word === '') continue;
    const needle = fold ? word.toLowerCase() : word;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) marked.fill(true, at, at + needle.length);
  }
  const segments: TextSegment[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const last = segments[segments.length - 1];
    if (last && last.hit === marked[i]) last.text += text[i];
    else segments.push({ text: text[i], hit: marked[i] });
  }
  return segments;
}

/**
 * A short excerpt of `text` around the first of the words found in it: `before` characters of
 * context ahead, up to `length` characters in all, with “…” where text was cut.
 */
export function excerptAround(text: string, words: readonly string[], length = 48, before = 12): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const lower = flat.toLowerCase();
  const positions = words.map((word) => lower.indexOf(word.toLowerCase())).filter((at) => at >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  // Work in code points so a cut never splits a surrogate pair.
  const chars = Array.from(flat);
  const firstChar = Array.from(flat.slice(0, first)).length;
  if (chars.length <= length) return flat;
  let start = Math.max(0, firstChar - before);
  const end = Math.min(chars.length, start + length);
  start = Math.max(0, end - length);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}
