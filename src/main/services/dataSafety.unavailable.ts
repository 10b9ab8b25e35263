import { AppError } from '../../shared/contract/errors';
import type { DataSafetyService } from './dataSafety.service';

/** Stands in where services are built without a core (some tests): every call explains itself. */
export function unavailableDataSafety(): DataSafetyService {
  return new Proxy({} as DataSafetyService, {
    get: () => () => {
      throw new AppError('STORE_UNAVAILABLE', '数据安全功能在此运行方式下不可用（没有打开数据文件夹）。');
    },
  });
}
