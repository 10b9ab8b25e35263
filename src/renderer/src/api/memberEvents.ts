import { useRpcMutation, useRpcQuery } from './hooks';

export const useMemberEvents = (memberId: number) => useRpcQuery('memberEvents:list', { memberId });
export const useCreateMemberEvent = () => useRpcMutation('memberEvents:create');
export const useDeleteMemberEvent = () => useRpcMutation('memberEvents:delete');
