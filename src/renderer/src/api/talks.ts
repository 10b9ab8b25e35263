import { useRpcMutation, useRpcQuery } from './hooks';

// 谈心谈话: participants of one talk record, and the year's coverage of pairs.
export const useTalk = (meetingId: number) => useRpcQuery('talks:get', { meetingId });
export const useSaveTalk = () => useRpcMutation('talks:save');
export const useTalkCoverage = (year: number) => useRpcQuery('talks:coverage', { year });
