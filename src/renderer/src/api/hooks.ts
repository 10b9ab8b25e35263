import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, Method, OutputOf } from '../../../shared/contract';
import { invoke, type RpcError } from './client';

/**
 * Reads one method; the query key is the method name plus its input. `keepPrevious` shows the last
 * answer while a changed input loads (a search as one types) instead of an empty table.
 */
export function useRpcQuery<M extends Method>(method: M, input?: InputOf<M>, options: { enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useQuery<OutputOf<M>, RpcError>({
    queryKey: [method, input ?? null],
    queryFn: () => (invoke as (m: M, i?: InputOf<M>) => Promise<OutputOf<M>>)(method, input),
    enabled: options.enabled,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/**
 * Changes data through one method. Writes can touch anything shown, and a branch has little data,
 * so every successful write refreshes all queries rather than guessing which ones to refresh.
 */
export function useRpcMutation<M extends Method>(method: M) {
  const queryClient = useQueryClient();
  return useMutation<OutputOf<M>, RpcError, InputOf<M>>({
    mutationFn: (input) => (invoke as (m: M, i: InputOf<M>) => Promise<OutputOf<M>>)(method, input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Calls a method that changes nothing (a preview check, an export) on demand, without refreshing queries. */
export function useRpcAction<M extends Method>(method: M) {
  return useMutation<OutputOf<M>, RpcError, InputOf<M>>({
    mutationFn: (input) => (invoke as (m: M, i: InputOf<M>) => Promise<OutputOf<M>>)(method, input),
  });
}
