import { version } from '../../package.json';
import { METHODS } from '../shared/contract';
import { AppError, isAppError } from '../shared/contract/errors';
import type { HostKind } from '../shared/contract/system';
import { createDispatch, type Dispatch, type DispatchOptions } from './rpc/dispatch';
import { dataSafetyHandlers } from './rpc/dataSafety.handlers';
import { privacyHandlers } from './rpc/privacy.handlers';
import { createHandlers, type HandlerMap } from './rpc/handlers';
import { createServices, type Services } from './services';
import { createDataSafetyService, type StoreControl } from './services/dataSafety.service';
import { createPrivacyService } from './services/privacy.service';
import { openStore, translateStoreError, type Store } from './store';
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
  /** Daily backups and backups before risky operations; on for the desktop and browser mode, off for the CLI. */
  autoBackup?: boolean;
  /**
   * A damaged database at start: 'offerRestore' opens a core that answers only 数据安全 (restore
   * from a backup); 'throw' refuses to start. The CLI throws (its `check` reports the damage).
   */
  onDamaged?: 'offerRestore' | 'throw';
  /** Opens a finished 迎检资料包's folder or 目录 (desktop: shell.openPath). */
  openPath?: (path: string) => Promise<string>;
}

/** One opening of the database: its store, services and dispatch; or, when damaged, only why. */
interface Session {
  store: Store | null;
  services: Services | null;
  dispatch: Dispatch;
  problem: string | null;
}

/**
 * The one core under all three hosts: store -> migrations -> services -> dispatch. A restore closes
 * the store and opens a new session on the restored file; `dispatch` always reaches the current one.
 */
export function openCore(options: CoreOptions) {
  const { dataDir, host, clock = () => new Date(), nativeBinding, logError, installedFonts } = options;
  const autoBackup = options.autoBackup ?? host !== 'cli';
  const onDamaged = options.onDamaged ?? (host === 'cli' ? 'throw' : 'offerRestore');
  const fonts = installedFonts ?? (host === 'desktop' ? once(detectInstalledFonts) : () => null);
  const dispatchOptions: DispatchOptions = {
    translateError: translateStoreError,
    gate: (method) => privacy.gate(method),
    logError: logError ?? ((method, error) => console.error(`[${method}]`, error)),
  };
  let session: Session | null = null;

  const control: StoreControl = {
    store: () => session?.store ?? null,
    damagedProblem: () => session?.problem ?? null,
    close: () => session?.store?.close(),
    reopen: () => {
      session = openSession('offerRestore');
    },
  };
  // The lock belongs to the running app, not to one opening of the database: a restore keeps it.
  const privacy = createPrivacyService({ clock, dataDir, host });
  const dataSafety = createDataSafetyService({ dataDir, clock, appVersion: version, autoBackup, control, nativeBinding });

  function damagedSession(problem: string): Session {
    const refuse = () => {
      throw new AppError('STORE_CORRUPT', problem);
    };
    const refusing = Object.fromEntries(METHODS.map((method) => [method, refuse])) as unknown as HandlerMap;
    const handlers: HandlerMap = { ...refusing, ...dataSafetyHandlers(dataSafety), ...privacyHandlers(privacy) };
    return { store: null, services: null, dispatch: createDispatch(handlers, dispatchOptions), problem };
  }

  function openSession(damaged: 'offerRestore' | 'throw'): Session {
    let store: Store;
    try {
      store = openStore(databasePath(dataDir), { nativeBinding, beforeMigrate: (source, from) => dataSafety.beforeMigrate(source, from) });
    } catch (error) {
      if (damaged === 'offerRestore' && isAppError(error) && error.code === 'STORE_CORRUPT') return damagedSession(error.message);
      throw error;
    }
    // The day's first backup (or one before deleted records are purged) before services start.
    dataSafety.atStart(store);
    const services = createServices({ store, clock, host, dataDir, appVersion: version, installedFonts: fonts, backups: dataSafety, dataSafety, privacy, openPath: options.openPath });
    return { store, services, dispatch: createDispatch(createHandlers(services), dispatchOptions), problem: null };
  }

  session = openSession(onDamaged);
  const current = () => session!;

  return {
    /** The open store; throws while the database is damaged (only 数据安全 answers then). */
    get store(): Store {
      const store = current().store;
      if (!store) throw new AppError('STORE_CORRUPT', current().problem ?? undefined);
      return store;
    },
    get services(): Services {
      const services = current().services;
      if (!services) throw new AppError('STORE_CORRUPT', current().problem ?? undefined);
      return services;
    },
    /** Why the database could not be opened at start (or after a restore), or null. */
    get damaged(): string | null {
      return current().problem;
    },
    dataSafety,
    dispatch: ((method, rawInput) => current().dispatch(method, rawInput)) as Dispatch,
    close: () => current().store?.close(),
  };
}

export type Core = ReturnType<typeof openCore>;
export const APP_VERSION = version;
