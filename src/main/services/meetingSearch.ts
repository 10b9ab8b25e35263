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

interface Entry {
  field: SearchField;
  body: string;
  /** How many of the words it contains. */
  words: number;
}

export interface SearchResult {
  /** Records containing every word, in no particular order. */
  meetingIds: number[];
  /** For each of those records, the entry to cut the excerpt from. */
  bestEntry: Map<number, Entry>;
}

export function findMeetings(store: Store, words: readonly string[]): SearchResult {
  const entries = new Map<number, Entry & { meetingId: number }>();
  let candidates: Set<number> | null = null;
  for (const word of words) {
    const found = new Set<number>();
    for (const hit of store.meetings.searchHits(word)) {
      if (candidates !== null && !candidates.has(hit.meetingId)) continue;
      found.add(hit.meetingId);
      const entry = entries.get(hit.entryId);
      if (entry) entry.words += 1;
      else entries.set(hit.entryId, { meetingId: hit.meetingId, field: hit.field, body: hit.body, words: 1 });
    }
    candidates = found;
    if (found.size === 0) break;
  }
  const bestEntry = new Map<number, Entry & { id: number }>();
  for (const [id, entry] of entries) {
    if (!candidates?.has(entry.meetingId)) continue;
    const current = bestEntry.get(entry.meetingId);
    if (current === undefined || better(id, entry.words, current.id, current.words)) bestEntry.set(entry.meetingId, { ...entry, id });
  }
  return { meetingIds: [...(candidates ?? [])], bestEntry };
}

function better(entry: number, words: number, than: number, thanWords: number): boolean {
  if (words !== thanWords) return words > thanWords;
  const rank = RANK_BY_CODE[entry % 8];
  const thanRank = RANK_BY_CODE[than % 8];
  return rank !== thanRank ? rank < thanRank : entry < than;
}

/** The excerpt shown under one found record. */
export function matchOf(result: SearchResult, meetingId: number, words: readonly string[]): MeetingMatch | null {
  const entry = result.bestEntry.get(meetingId);
  return entry ? { label: SEARCH_FIELD_LABELS[entry.field], text: excerptAround(entry.body, words) } : null;
}
