import type { InputOf } from '../../../shared/contract';
import { useRpcAction, useRpcMutation, useRpcQuery } from './hooks';

export const useMembers = (filters: NonNullable<InputOf<'members:list'>> = {}) => useRpcQuery('members:list', filters);
export const useMember = (id: number | null) => useRpcQuery('members:get', { id: id ?? 0 }, { enabled: id !== null });
export const useCreateMember = () => useRpcMutation('members:create');
export const useUpdateMember = () => useRpcMutation('members:update');
export const useDeleteMember = () => useRpcMutation('members:delete');
export const useGroups = () => useRpcQuery('groups:list');
export const useExportRoster = () => useRpcAction('members:export');
/** One full 公民身份号码 or 联系电话, on request; never cached, so it leaves memory with the page. */
export const useRevealSensitive = () => useRpcAction('members:revealSensitive');
