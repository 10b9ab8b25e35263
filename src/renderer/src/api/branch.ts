import { useRpcMutation, useRpcQuery } from './hooks';

export const useBranch = () => useRpcQuery('branch:get');
export const useCreateBranch = () => useRpcMutation('branch:create');
export const useUpdateBranch = () => useRpcMutation('branch:update');
export const useCreateDemo = () => useRpcMutation('demo:create');
export const useHome = () => useRpcQuery('home:get');
export const useSystemInfo = () => useRpcQuery('system:get');
