import { useRpcQuery } from './hooks';

// 首页: what needs doing today (home:get, the branch's facts, stays in api/branch.ts).
export const useHomeAttention = () => useRpcQuery('home:attention');
