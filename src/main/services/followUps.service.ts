import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import { fieldLabelsFor } from '../../shared/contract/labels';
import type { FollowUp, FollowUpDetail, followUpCloseInput, followUpListInput } from '../../shared/contract/followUps';
import { daysBetween, todayIso } from '../../shared/domain/dates';
import type { FollowUpRow } from '../store/repos/followUps.repo';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { ProblemList } from './validation';

type ListInput = z.output<typeof followUpListInput>;
type CloseValues = z.output<typeof followUpCloseInput>;

const NOT_FOUND = '该决议事项不存在，可能所在的会议记录已被修改或删除。请刷新后再试。';

/** Overdue first (longest overdue first), then open by due date, then closed (latest first). */
function order(a: FollowUp, b: FollowUp): number {
  const rank = { overdue: 0, open: 1, closed: 2 };
  if (rank[a.status] !== rank[b.status]) return rank[a.status] - rank[b.status];
  if (a.status === 'overdue') return (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.id - b.id;
  if (a.status === 'closed') return (b.closedOn ?? '').localeCompare(a.closedOn ?? '') || b.id - a.id;
  if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn.localeCompare(b.dueOn);
  return a.meeting.heldOn.localeCompare(b.meeting.heldOn) || a.id - b.id;
}

export function createFollowUpsService({ store, clock }: ServiceContext) {
  const labels = fieldLabelsFor('followUps:close');
  const trail = createEditTrail({ store, clock });

  function withStatus(row: FollowUpRow, today: string): FollowUp {
    const overdue = row.closedOn === null && row.dueOn !== null && row.dueOn < today;
    return {
      ...row,
      status: row.closedOn !== null ? 'closed' : overdue ? 'overdue' : 'open',
      daysOverdue: overdue ? daysBetween(row.dueOn!, today) : null,
    };
  }

  function find(id: number): FollowUp {
    const row = store.followUps.get(id);
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
    return withStatus(row, todayIso(clock()));
  }

  return {
    list(input: ListInput): FollowUp[] {
      const status = input?.status;
      const today = todayIso(clock());
      const rows = store.followUps.list(status === undefined ? null : status === 'closed');
      return rows
        .map((row) => withStatus(row, today))
        .filter((item) => status !== 'overdue' || item.status === 'overdue')
        .sort(order);
    },

    get({ id }: { id: number }): FollowUpDetail {
      const item = find(id);
      return { ...item, laterMeetings: store.followUps.meetingsFrom(item.meeting.heldOn, item.meeting.id) };
    },

    /** Closes (or corrects the closing of) a follow-up; the later meeting is where it was reported done. */
    close({ id, closedOn, note, closedMeetingId }: CloseValues): FollowUp {
      return store.transaction(() => {
        const item = find(id);
        const today = todayIso(clock());
        const problems = new ProblemList(labels);
        if (closedOn < item.meeting.heldOn) problems.add('closedOn', `不能早于作出决议的会议召开日期（${item.meeting.heldOn}）`);
        if (closedOn > today) problems.add('closedOn', '不能晚于今天');
        if (closedMeetingId !== null) {
          const heldOn = store.followUps.meetingHeldOn(closedMeetingId);
          if (heldOn === null) problems.add('closedMeetingId', '所选会议记录不存在，可能已被删除');
          else if (closedMeetingId === item.meeting.id) problems.add('closedMeetingId', '应选择作出决议之后召开的会议，不能是作出决议的这次会议');
          else if (heldOn < item.meeting.heldOn) problems.add('closedMeetingId', `所选会议（${heldOn}）早于作出决议的会议（${item.meeting.heldOn}），请选择之后召开的会议`);
        }
        problems.throwIfAny();
        trail.meeting.update(item.meeting.id, () => store.followUps.close(id, { closedOn, note, closedMeetingId }));
        return find(id);
      });
    },

    reopen({ id }: { id: number }): FollowUp {
      return store.transaction(() => {
        const item = find(id);
        trail.meeting.update(item.meeting.id, () => store.followUps.reopen(id));
        return find(id);
      });
    },
  };
}

export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
