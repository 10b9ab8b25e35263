import { version } from '../../package.json';
import type { HostKind } from '../shared/contract/system';
import { createDispatch } from './rpc/dispatch';
import { createHandlers } from './rpc/handlers';
import { createServices } from './services';
import { openStore, translateStoreError } from './store';
import { databasePath } from './dataDir';
import { detectInstalledFonts } from './documents/installedFonts';

/** Fonts are looked up once per launch, at the first export. */
function once<T>(compute: () => T): () => T {
  let value: { result: T } | null = null;
  return () => (value ??= { result: compute() }).result;
}

export interface CoreOptions {
  dataDir: string;
  host: HostKind;
  clock?: () => Date;
  nativeBinding?: string;
  logError?: (method: string, error: unknown) => void;
  /** Overrides font detection (tests); by default only the desktop host looks at the PC's fonts. */
  installedFonts?: () => ReadonlySet<string> | null;
}

/** The one core under all three hosts: store -> migrations -> services -> dispatch. */
export function openCore({ dataDir, host, clock = () => new Date(), nativeBinding, logError, installedFonts }: CoreOptions) {
  const store = openStore(databasePath(dataDir), { nativeBinding });
  const fonts = installedFonts ?? (host === 'desktop' ? once(detectInstalledFonts) : () => null);
  const services = createServices({ store, clock, host, dataDir, appVersion: version, installedFonts: fonts });
  const dispatch = createDispatch(createHandlers(services), {
    translateError: translateStoreError,
    gate: (method) => services.privacy.gate(method),
    logError: logError ?? ((method, error) => console.error(`[${method}]`, error)),
  });
  return { store, services, dispatch, close: () => store.close() };
}

export type Core = ReturnType<typeof openCore>;
export const APP_VERSION = version;
