import type { HostKind } from '../../shared/contract/system';
import type { Store } from '../store';

/** What every service is built from: the store, a clock (tests move it) and facts about this launch. */
export interface ServiceContext {
  store: Store;
  clock: () => Date;
  host: HostKind;
  dataDir: string;
  appVersion: string;
  /** Font families installed on this PC (desktop), or null where unknown (browser mode, CLI). */
  installedFonts: () => ReadonlySet<string> | null;
}
