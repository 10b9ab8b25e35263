import { useRpcMutation, useRpcQuery } from './hooks';

// 组织生活会 materials: 方案, 问题清单, 对照检查材料, 整改清单.
export const useOrgLife = (meetingId: number) => useRpcQuery('orgLife:get', { meetingId });
export const useSaveOrgLife = () => useRpcMutation('orgLife:save');
export const useRectifications = (filter: { status?: 'open' | 'done'; year?: number } = {}) => useRpcQuery('orgLife:rectifications', filter);
