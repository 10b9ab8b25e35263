import { version } from '../../package.json';
import type { HostKind } from '../shared/contract/system';
import { createDispatch } from './rpc/dispatch';
import { createHandlers } from './rpc/handlers';
import { createServices } from './services';
import { openStore, translateStoreError } from './store';
import { databasePath } from './dataDir';

export interface CoreOptions {
  dataDir: string;
  host: HostKind;
  clock?: () => Date;
  nativeBinding?: string;
  logError?: (method: string, error: unknown) => void;
}

/** The one core under all three hosts: store -> migrations -> services -> dispatch. */
export function openCore({ dataDir, host, clock = () => new Date(), nativeBinding, logError }: CoreOptions) {
  const store = openStore(databasePath(dataDir), { nativeBinding });
  const services = createServices({ store, clock, host, dataDir, appVersion: version });
  const dispatch = createDispatch(createHandlers(services), {
    translateError: translateStoreError,
    logError: logError ?? ((method, error) => console.error(`[${method}]`, error)),
  });
  return { store, services, dispatch, close: () => store.close() };
}

export type Core = ReturnType<typeof openCore>;
export const APP_VERSION = version;
