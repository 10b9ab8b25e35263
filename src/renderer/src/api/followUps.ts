import type { InputOf } from '../../../shared/contract';
import { useRpcMutation, useRpcQuery } from './hooks';

// 议定事项 followed up: open ones on 首页, closed with a date, a note and the later meeting.
export const useFollowUps = (filters: InputOf<'followUps:list'>) => useRpcQuery('followUps:list', filters);
export const useFollowUp = (id: number | null) => useRpcQuery('followUps:get', { id: id ?? 0 }, { enabled: id !== null });
export const useCloseFollowUp = () => useRpcMutation('followUps:close');
export const useReopenFollowUp = () => useRpcMutation('followUps:reopen');
