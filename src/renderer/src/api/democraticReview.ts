import { useRpcMutation, useRpcQuery } from './hooks';

// 民主评议党员: grades of the 正式党员 on the roster of the review date.
export const useDemocraticReview = (meetingId: number) => useRpcQuery('democraticReview:get', { meetingId });
export const useSaveDemocraticReview = () => useRpcMutation('democraticReview:save');
