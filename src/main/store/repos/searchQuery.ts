import { charCount } from '../../../shared/domain/textSearch';

// How one search word becomes a condition on the trigram index (meeting_search). User text never
// becomes SQL or FTS syntax: it is bound as a parameter, quoted as one FTS phrase, or escaped for LIKE.

/** The trigram tokenizer indexes 3-character substrings; shorter words cannot use MATCH. */
export const MIN_MATCH_CHARS = 3;

/** One FTS5 phrase: the word between double quotes, inner quotes doubled (so OR, *, ( are plain text). */
export function ftsPhrase(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/** A LIKE pattern for text containing `word` anywhere, with \ as the escape character. */
export function likeContaining(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export interface WordCondition {
  /** A condition on meeting_search, with one `?` for `param`. */
  sql: string;
  param: string;
  kind: 'match' | 'like';
}

/** MATCH for words of 3 characters or more (indexed); LIKE over the stored text for 1–2 characters. */
export function wordCondition(word: string): WordCondition {
  return charCount(word) >= MIN_MATCH_CHARS
    ? { sql: 'meeting_search MATCH ?', param: ftsPhrase(word), kind: 'match' }
    : { sql: "body LIKE ? ESCAPE '\\'", param: likeContaining(word), kind: 'like' };
}
