import type { InputOf } from '../../../shared/contract';
import { useRpcMutation, useRpcQuery } from './hooks';

// 组织生活: meeting records (三会一课 and the other forms), 应到 and the verdicts.
/** Records of a year or all years, filtered; with `query`, the search (keeps showing the last rows while a new one runs). */
export const useMeetings = (filters: NonNullable<InputOf<'meetings:list'>>) => useRpcQuery('meetings:list', filters, { keepPrevious: true });
export const useMeeting = (id: number | null) => useRpcQuery('meetings:get', { id: id ?? 0 }, { enabled: id !== null });
/** 应到 proposed for a record being entered; null input while types or date are missing. */
export const useMeetingCheck = (input: InputOf<'meetings:check'> | null) =>
  useRpcQuery('meetings:check', input ?? { types: ['memberAssembly'], partyGroupId: null, heldOn: '2000-01-01', exclusions: [] }, { enabled: input !== null });
export const useCreateMeeting = () => useRpcMutation('meetings:create');
export const useUpdateMeeting = () => useRpcMutation('meetings:update');
export const useDeleteMeeting = () => useRpcMutation('meetings:delete');
