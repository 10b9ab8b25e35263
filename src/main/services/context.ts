import type { PrivacyService } from './privacy.service';
import type { HostKind } from '../../shared/contract/system';
import type { Store } from '../store';
import type { BackupHook, DataSafetyService } from './dataSafety.service';

/** What every service is built from: the store, a clock (tests move it) and facts about this launch. */
export interface ServiceContext {
  store: Store;
  clock: () => Date;
  host: HostKind;
  dataDir: string;
  appVersion: string;
  /** Font families installed on this PC (desktop), or null where unknown (browser mode, CLI). */
  installedFonts: () => ReadonlySet<string> | null;
  /** Backups before risky operations (import, undo of an import); absent = none taken (tests, CLI). */
  backups?: BackupHook;
  /** 设置 ▸ 数据安全, which outlives any one store (a restore reopens it); absent where there is no data folder to guard. */
  dataSafety?: DataSafetyService;
  /** The app password's lock, kept by the core across sessions (a restore); made here when absent (tests, CLI). */
  privacy?: PrivacyService;
  /** Opens a folder or file in the PC's own program (Electron's shell.openPath: '' or why not); absent outside the desktop. */
  openPath?: (path: string) => Promise<string>;
}
