import type { Method } from '../../shared/contract';
import type { DataSafetyService } from '../services/dataSafety.service';
import type { Handler } from './handlers';

type DataSafetyMethod = Extract<Method, `dataSafety:${string}`>;

/**
 * 数据安全's handler lines, apart so the core can serve them on their own while the database is
 * damaged (every other method then answers STORE_CORRUPT).
 */
export function dataSafetyHandlers(dataSafety: DataSafetyService) {
  return {
    'dataSafety:status': () => dataSafety.status(),
    'dataSafety:backups': () => dataSafety.list(),
    'dataSafety:backupNow': () => dataSafety.backupNow(),
    'dataSafety:inspect': (input) => dataSafety.inspect(input),
    'dataSafety:restore': (input) => dataSafety.restore(input),
    'dataSafety:setBackupFolder': (input) => dataSafety.setBackupFolder(input),
    'dataSafety:exportHandover': (input) => dataSafety.exportHandover(input),
    'dataSafety:checkHandover': (input) => dataSafety.checkHandover(input),
    'dataSafety:importHandover': (input) => dataSafety.importHandover(input),
  } satisfies { [M in DataSafetyMethod]: Handler<M> };
}
