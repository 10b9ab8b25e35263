import { AppError } from '../../shared/contract/errors';
import type { z } from 'zod';
import type { branchCreateInput, branchUpdateInput } from '../../shared/contract/branch';
import { todayIso } from '../../shared/domain/dates';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { ProblemList } from './validation';

type CreateValues = z.output<typeof branchCreateInput>;
type UpdateValues = z.output<typeof branchUpdateInput>;

export function createBranchService({ store, clock }: ServiceContext) {
  const trail = createEditTrail({ store, clock });
  function checkFoundedOn(foundedOn: string | null) {
    const problems = new ProblemList();
    if (foundedOn && foundedOn > todayIso(clock())) problems.add('foundedOn', '不能晚于今天');
    problems.throwIfAny();
  }

  return {
    get() {
      const branch = store.branch.get();
      if (!branch) return null;
      return { branch, term: store.branch.termOn(todayIso(clock())) };
    },

    /** The first-run wizard: the branch and its current (first recorded) committee term, together. */
    create(values: CreateValues) {
      checkFoundedOn(values.foundedOn);
      const now = clock().toISOString();
      return store.transaction(() => {
        if (store.branch.get()) throw new AppError('CONFLICT', '本数据文件中已建立支部，不能重复创建。');
        const branch = trail.branch.create(() =>
          store.branch.insert(
            { name: values.name, kind: values.kind, parentOrg: values.parentOrg, foundedOn: values.foundedOn, contactPerson: null, contactPhone: null },
            now,
          ),
        );
        trail.committeeTerm.create(() => store.branch.insertTerm(values.termSeq, values.termStartsOn, values.termEndsOn));
        return branch;
      });
    },

    update(values: UpdateValues) {
      checkFoundedOn(values.foundedOn);
      return store.transaction(() => {
        const branch = store.branch.get();
        if (!branch) throw new AppError('NOT_FOUND', '尚未建立支部，请先完成“创建本支部”。');
        return trail.branch.update(branch.id, () => store.branch.update(values, clock().toISOString()));
      });
    },
  };
}

