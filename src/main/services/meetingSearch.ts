import type { MeetingMatch } from '../../shared/contract/meetings';
import { excerptAround } from '../../shared/domain/textSearch';
import type { Store } from '../store';
import type { SearchField } from '../store/repos/meetings.repo';

// Full-text search over meeting records: which records contain every word, and for each the one
// text worth showing (the entry with the most of the words, the title before the minutes).

export const SEARCH_FIELD_LABELS: Record<SearchField, string> = {
  topic: '主题',
  lectureTitle: '课题',
  location: '地点',
  summary: '主要内容',
  agenda: '议题',
  speech: '发言',
  decision: '决议事项',
  vote: '表决事项',
};

/** Entry ids are source id * 8 + field code (migration 0006); lower rank = shown first. */
const RANK_BY_CODE = [0, 1, 7, 6, 2, 5, 3, 4];

export interface SearchResult {
  /** Records containing every word, in no particular order. */
  meetingIds: number[];
  /** For each of those records, the entry to cut the excerpt from. */
  bestEntry: Map<number, number>;
}

export function findMeetings(store: Store, words: readonly string[]): SearchResult {
  // entry -> how many words it contains; record -> words found in it
  const entryWords = new Map<number, number>();
  const meetingOfEntry = new Map<number, number>();
  let candidates: Set<number> | null = null;
  for (const word of words) {
    const found = new Set<number>();
    for (const hit of store.meetings.searchHits(word)) {
      if (candidates !== null && !candidates.has(hit.meetingId)) continue;
      found.add(hit.meetingId);
      entryWords.set(hit.entryId, (entryWords.get(hit.entryId) ?? 0) + 1);
      meetingOfEntry.set(hit.entryId, hit.meetingId);
    }
    candidates = found;
    if (found.size === 0) break;
  }
  const meetingIds = [...(candidates ?? [])];
  const bestEntry = new Map<number, number>();
  for (const [entryId, count] of entryWords) {
    const meetingId = meetingOfEntry.get(entryId)!;
    if (!candidates?.has(meetingId)) continue;
    const current = bestEntry.get(meetingId);
    if (current === undefined || better(entryId, count, current, entryWords.get(current)!)) bestEntry.set(meetingId, entryId);
  }
  return { meetingIds, bestEntry };
}

function better(entry: number, words: number, than: number, thanWords: number): boolean {
  if (words !== thanWords) return words > thanWords;
  const rank = RANK_BY_CODE[entry % 8];
  const thanRank = RANK_BY_CODE[than % 8];
  return rank !== thanRank ? rank < thanRank : entry < than;
}

/** The excerpt shown under each found record, keyed by record. */
export function matchExcerpts(store: Store, result: SearchResult, meetingIds: readonly number[], words: readonly string[]): Map<number, MeetingMatch> {
  const wanted = meetingIds.map((id) => result.bestEntry.get(id)).filter((entry): entry is number => entry !== undefined);
  const matches = new Map<number, MeetingMatch>();
  const byEntry = new Map(store.meetings.searchEntries(wanted).map((entry) => [entry.entryId, entry]));
  for (const id of meetingIds) {
    const entry = byEntry.get(result.bestEntry.get(id) ?? -1);
    if (entry) matches.set(id, { label: SEARCH_FIELD_LABELS[entry.field], text: excerptAround(entry.body, words) });
  }
  return matches;
}
