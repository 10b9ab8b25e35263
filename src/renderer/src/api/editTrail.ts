import type { InputOf } from '../../../shared/contract';
import type { EditTrailEntityType } from '../../../shared/contract/editTrail';
import { useRpcQuery } from './hooks';

// 修改记录: the log searched and paged (设置 → 修改记录), and one record's trail (the line on its page).
export const useEditTrailList = (input: InputOf<'editTrail:list'>) => useRpcQuery('editTrail:list', input, { keepPrevious: true });
export const useEntityTrail = (entityType: EditTrailEntityType, entityId: number | null) =>
  useRpcQuery('editTrail:forEntity', { entityType, entityId: entityId ?? 0 }, { enabled: entityId !== null });
