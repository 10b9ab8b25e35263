import { useQuery } from '@tanstack/react-query';
import type { PackageJobStatus } from '../../../shared/contract/package';
import { invoke, type RpcError } from './client';
import { useRpcAction, useRpcQuery } from './hooks';

// 迎检资料包: the registry's items, the self-check, and a writing job polled until it ends (polling
// works the same over HTTP in browser mode and over IPC on the desktop).
export const usePackageItems = () => useRpcQuery('package:items');
export const useCheckPackage = () => useRpcAction('package:check');
export const useStartPackage = () => useRpcAction('package:start');
export const useCancelPackage = () => useRpcAction('package:cancel');
export const useOpenPackage = () => useRpcAction('package:open');
export const useDownloadPackage = () => useRpcAction('package:download');

/** The job's status, asked every 300 ms while it runs. */
export function usePackageJob(jobId: string | null) {
  return useQuery<PackageJobStatus, RpcError>({
    queryKey: ['package:status', jobId],
    queryFn: () => invoke('package:status', { jobId: jobId! }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.state !== 'running' ? false : 300),
  });
}
