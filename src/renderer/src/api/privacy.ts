import { useRpcAction, useRpcMutation, useRpcQuery } from './hooks';

export const usePrivacyStatus = () => useRpcQuery('privacy:status');
/** Unlocking changes what may be read, so it refreshes every query (useRpcMutation). */
export const useUnlock = () => useRpcMutation('privacy:unlock');
export const useLockNow = () => useRpcMutation('privacy:lock');
export const useSetAppPassword = () => useRpcMutation('privacy:setPassword');
export const useRemoveAppPassword = () => useRpcMutation('privacy:removePassword');
export const useSetIdleMinutes = () => useRpcMutation('privacy:setIdleMinutes');
export const useTouch = () => useRpcAction('privacy:touch');
