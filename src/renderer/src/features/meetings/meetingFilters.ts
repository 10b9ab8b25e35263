import { useSearchParams } from 'react-router';
import { MEETING_TYPES, type MeetingType } from '../../../../shared/domain/meetingTypes';
import { MAX_SEARCH_LENGTH } from '../../../../shared/domain/textSearch';

export type YearFilter = number | 'all';

export interface MeetingFilters {
  /** The year chosen, or 'all'. With no year in the address: this year, or all years while searching. */
  year: YearFilter;
  type: MeetingType | undefined;
  partyGroupId: number | undefined;
  memberId: number | undefined;
  query: string;
}

const positiveId = (value: string | null) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
};

/**
 * The list's filters live in the address (#/meetings?q=党费&group=1), so 返回 from a record and a
 * reload come back to the same view.
 */
export function useMeetingFilters(currentYear: number) {
  const [params, setParams] = useSearchParams();
  const query = (params.get('q') ?? '').slice(0, MAX_SEARCH_LENGTH);
  const yearParam = params.get('year');
  const year: YearFilter = yearParam === 'all' ? 'all' : (positiveId(yearParam) ?? (query.trim() ? 'all' : currentYear));
  const typeParam = params.get('type');
  const filters: MeetingFilters = {
    year,
    type: MEETING_TYPES.includes(typeParam as MeetingType) ? (typeParam as MeetingType) : undefined,
    partyGroupId: positiveId(params.get('group')),
    memberId: positiveId(params.get('member')),
    query,
  };

  const setFilters = (next: Partial<MeetingFilters>) => {
    const merged = { ...filters, ...next };
    // Starting a search from the default year searches every year; a year chosen stays chosen.
    const yearWasDefault = yearParam === null;
    const search = new URLSearchParams();
    const searching = merged.query.trim() !== '';
    const defaultYear = searching ? 'all' : currentYear;
    if ('year' in next ? merged.year !== defaultYear : !yearWasDefault && merged.year !== defaultYear) search.set('year', String(merged.year));
    if (merged.type) search.set('type', merged.type);
    if (merged.partyGroupId) search.set('group', String(merged.partyGroupId));
    if (merged.memberId) search.set('member', String(merged.memberId));
    if (searching) search.set('q', merged.query);
    setParams(search, { replace: true });
  };

  return { filters, setFilters };
}
