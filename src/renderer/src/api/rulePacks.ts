import { useRpcMutation, useRpcQuery } from './hooks';

// 设置 ▸ 组织生活规则: the rule packs, the branch's choice and its adjustments of single rules.
export const useRulePacks = () => useRpcQuery('rulePacks:list');
export const useChooseRulePack = () => useRpcMutation('rulePacks:choose');
export const useSetRuleOverride = () => useRpcMutation('rulePacks:setOverride');
export const useClearRuleOverride = () => useRpcMutation('rulePacks:clearOverride');
export const useImportRulePack = () => useRpcMutation('rulePacks:import');
