import type { StoreCheckReport, SystemInfo } from '../../shared/contract/system';
import type { ServiceContext } from './context';

export const APP_NAME = '支部台账';

export function createSystemService({ store, host, dataDir, appVersion }: ServiceContext) {
  return {
    get(): SystemInfo {
      return { appName: APP_NAME, appVersion, schemaVersion: store.schemaVersion(), host, dataDir, databasePath: store.path };
    },
    check(): StoreCheckReport {
      const integrity = store.system.integrityCheck();
      const foreignKeyProblems = store.system.foreignKeyProblems();
      return {
        ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeyProblems === 0,
        schemaVersion: store.schemaVersion(),
        integrity,
        foreignKeyProblems,
        counts: store.system.rowCounts(),
        sizeBytes: store.system.sizeBytes(),
      };
    },
  };
}
