import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import { fieldLabelsFor } from '../../shared/contract/labels';
import type { groupCreateInput, groupUpdateInput } from '../../shared/contract/groups';
import { todayIso } from '../../shared/domain/dates';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { ProblemList } from './validation';

type CreateValues = z.output<typeof groupCreateInput>;
type UpdateValues = z.output<typeof groupUpdateInput>;

export function createGroupsService({ store, clock }: ServiceContext) {
  const labels = fieldLabelsFor('groups:update');
  const trail = createEditTrail({ store, clock });

  function checkLeader(groupId: number | null, leaderId: number | null, problems: ProblemList) {
    if (leaderId === null) return;
    if (!store.members.get(leaderId)) problems.add('leaderId', '所选组长不存在');
    else if (groupId !== null && store.groups.currentGroupOf(leaderId) !== groupId) problems.add('leaderId', '组长应为本党小组的党员，请先把他调入本组');
  }

  function checkName(name: string, selfId: number | null, problems: ProblemList) {
    const holder = store.groups.idByName(name);
    if (holder !== null && holder !== selfId) problems.add('name', '已有同名党小组');
  }

  return {
    list: (input?: { includeDissolved?: boolean }) => store.groups.list(input?.includeDissolved ?? false),

    create(values: CreateValues) {
      return store.transaction(() => {
        const problems = new ProblemList(labels);
        checkName(values.name, null, problems);
        // A new group has no members yet; its leader is set once people are moved in.
        if (values.leaderId !== null) problems.add('leaderId', '新建党小组还没有组员，请先把党员调入本组，再指定组长');
        problems.throwIfAny();
        return store.groups.get(trail.group.create(() => store.groups.insert(values, clock().toISOString())))!;
      });
    },

    update({ id, ...values }: UpdateValues) {
      return store.transaction(() => {
        const group = store.groups.get(id);
        if (!group) throw new AppError('NOT_FOUND', '该党小组不存在，可能已被删除。');
        const problems = new ProblemList(labels);
        checkName(values.name, id, problems);
        checkLeader(id, values.leaderId, problems);
        if (values.dissolvedOn) {
          if (values.dissolvedOn > todayIso(clock())) problems.add('dissolvedOn', '不能晚于今天');
          if (group.memberCount > 0) problems.add('dissolvedOn', `本组还有 ${group.memberCount} 名党员，请先把他们调到其他党小组`);
        }
        problems.throwIfAny();
        trail.group.update(id, () => store.groups.update(id, { ...values, leaderId: values.dissolvedOn ? null : values.leaderId }, clock().toISOString()));
        return store.groups.get(id)!;
      });
    },

    delete({ id }: { id: number }) {
      return store.transaction(() => {
        const group = store.groups.get(id);
        if (!group) throw new AppError('NOT_FOUND', '该党小组不存在，可能已被删除。');
        if (store.groups.usageCount(id) > 0) {
          throw new AppError('CONFLICT', `“${group.name}”已有组员或会议记录，不能删除。不再设立的党小组请填写撤销日期，历史记录会保留。`);
        }
        trail.group.delete(id, () => store.groups.delete(id));
        return { id };
      });
    },
  };
}
