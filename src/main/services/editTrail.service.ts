import type { z } from 'zod';
import { EDIT_TRAIL_PAGE_SIZE, type EditTrailPage, type EntityTrail, type editTrailForEntityInput, type editTrailListInput } from '../../shared/contract/editTrail';
import { addDays } from '../../shared/domain/dates';
import { searchWords } from '../../shared/domain/textSearch';
import type { ServiceContext } from './context';

type ListInput = z.output<typeof editTrailListInput>;
type ForEntityInput = z.output<typeof editTrailForEntityInput>;

/** The start of a local calendar day as an ISO instant (entries are stamped in UTC; the user thinks in local days). */
const startOfLocalDay = (date: string) => new Date(`${date}T00:00:00`).toISOString();

/** Reading the 修改记录: one record's trail, and the whole log searched and paged. Writing is in editTrail.ts. */
export function createEditTrailService({ store }: ServiceContext) {
  return {
    list({ query, entityType, from, to, page }: ListInput): EditTrailPage {
      const { total, entries } = store.editTrail.list({
        words: searchWords(query),
        entityType,
        fromAt: from ? startOfLocalDay(from) : undefined,
        untilAt: to ? startOfLocalDay(addDays(to, 1)) : undefined,
        limit: EDIT_TRAIL_PAGE_SIZE,
        offset: (page - 1) * EDIT_TRAIL_PAGE_SIZE,
      });
      return { entries, total, page, pageSize: EDIT_TRAIL_PAGE_SIZE };
    },

    forEntity({ entityType, entityId }: ForEntityInput): EntityTrail {
      const entries = store.editTrail.forEntity(entityType, entityId);
      return { count: entries.length, lastChangedAt: entries[0]?.at ?? null, entries };
    },
  };
}

export type EditTrailService = ReturnType<typeof createEditTrailService>;
