import { useRpcMutation, useRpcQuery } from './hooks';

// 支部委员会 (terms and seats) and 党小组.
export const useCommittee = () => useRpcQuery('committee:list');
export const useCreateTerm = () => useRpcMutation('committee:create');
export const useUpdateTerm = () => useRpcMutation('committee:update');
export const useCreateSeat = () => useRpcMutation('committeeSeats:create');
export const useUpdateSeat = () => useRpcMutation('committeeSeats:update');
export const useDeleteSeat = () => useRpcMutation('committeeSeats:delete');

export const useGroupList = (includeDissolved: boolean) => useRpcQuery('groups:list', includeDissolved ? { includeDissolved } : undefined);
export const useCreateGroup = () => useRpcMutation('groups:create');
export const useUpdateGroup = () => useRpcMutation('groups:update');
export const useDeleteGroup = () => useRpcMutation('groups:delete');
