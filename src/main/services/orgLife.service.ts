import type { z } from 'zod';
import { fieldLabelsFor } from '../../shared/contract/labels';
import type { OrgLifeMaterial, OrgLifeSelfReview, orgLifeRectificationsInput, orgLifeSaveInput, RectificationListItem } from '../../shared/contract/orgLife';
import { todayIso } from '../../shared/domain/dates';
import type { StoredRectification } from '../store/repos/orgLife.repo';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { conflict, meetingOfType } from './meetingMaterial';
import type { MeetingsService } from './meetings.service';
import { ProblemList } from './validation';

type SaveValues = z.output<typeof orgLifeSaveInput>;
type ListInput = z.output<typeof orgLifeRectificationsInput>;

/**
 * 组织生活会 materials: 方案, 问题清单, 对照检查材料 per member (the members expected at the meeting,
 * as the meetings service computes 应到 for its date) and 整改清单, whose items are ticked off later.
 */
export function createOrgLifeService({ store, clock }: ServiceContext, meetings: MeetingsService) {
  const labels = fieldLabelsFor('orgLife:save');
  const trail = createEditTrail({ store, clock });
  const today = () => todayIso(clock());
  const withOverdue = <R extends Pick<StoredRectification, 'status' | 'dueOn'>>(item: R, now: string) => ({ ...item, overdue: item.status === 'open' && item.dueOn !== null && item.dueOn < now });

  function view(meetingId: number): OrgLifeMaterial {
    const record = meetingOfType(meetings, meetingId, 'orgLifeMeeting');
    const stored = store.orgLife.get(meetingId);
    const saved = new Map((stored?.selfReviews ?? []).map((entry) => [entry.memberId, entry]));
    const blank = { submitted: false, submittedOn: null, summary: null };
    const selfReviews: OrgLifeSelfReview[] = record.assessment.expected.map((person) => ({
      memberId: person.memberId,
      name: person.name,
      category: person.category,
      ...blank,
      ...saved.get(person.memberId),
    }));
    // Entries kept for members excluded from 应到 later still show.
    for (const entry of saved.values()) {
      if (selfReviews.some((row) => row.memberId === entry.memberId)) continue;
      const member = store.members.get(entry.memberId);
      selfReviews.push({ ...entry, name: member?.name ?? `编号 ${entry.memberId}`, category: member?.category ?? 'full' });
    }
    const now = today();
    const rectifications = (stored?.rectifications ?? []).map(({ meetingId: _meeting, ...item }) => withOverdue(item, now));
    return {
      meetingId,
      heldOn: record.heldOn,
      topic: record.topic,
      version: stored?.version ?? 0,
      plan: stored?.plan ?? null,
      planApprovedOn: stored?.planApprovedOn ?? null,
      problems: stored?.problems ?? [],
      selfReviews,
      rectifications,
      counts: {
        problems: stored?.problems.length ?? 0,
        selfReviewsSubmitted: selfReviews.filter((row) => row.submitted).length,
        selfReviewsExpected: record.assessment.expected.length,
        rectifications: rectifications.length,
        rectificationsDone: rectifications.filter((item) => item.status === 'done').length,
      },
    };
  }

  function check(values: SaveValues) {
    const record = meetingOfType(meetings, values.meetingId, 'orgLifeMeeting');
    const now = today();
    const problems = new ProblemList(labels);
    const stored = store.orgLife.ids(values.meetingId);
    const savedReviews = new Set((store.orgLife.get(values.meetingId)?.selfReviews ?? []).map((entry) => entry.memberId));
    const expected = new Map([...record.assessment.expected, ...record.assessment.excluded].map((person) => [person.memberId, person.name]));

    if (values.planApprovedOn && values.planApprovedOn > record.heldOn) problems.add('planApprovedOn', `不能晚于召开日期 ${record.heldOn}（方案应在会前报批）`);
    const seenProblems = new Set<number>();
    values.problems.forEach((problem, index) => {
      if (problem.id === null) return;
      if (!stored.problems.has(problem.id) || seenProblems.has(problem.id)) problems.add('problems', `第${index + 1}条问题不属于这次组织生活会的问题清单，请刷新后重试`);
      seenProblems.add(problem.id);
    });
    const seenMembers = new Set<number>();
    for (const entry of values.selfReviews) {
      const name = expected.get(entry.memberId) ?? store.members.get(entry.memberId)?.name;
      if (!name) problems.add('selfReviews', `编号 ${entry.memberId} 的党员不存在`);
      else if (!expected.has(entry.memberId) && !savedReviews.has(entry.memberId)) problems.add('selfReviews', `${name}在召开日期不是本支部党员，不需要提交对照检查材料`);
      else if (seenMembers.has(entry.memberId)) problems.add('selfReviews', `${name}的对照检查材料重复填写了`);
      else if (!entry.submitted && entry.submittedOn) problems.add('selfReviews', `${name}未提交对照检查材料，不应填写提交日期`);
      else if (entry.submittedOn && entry.submittedOn > now) problems.add('selfReviews', `${name}的提交日期不能晚于今天`);
      seenMembers.add(entry.memberId);
    }
    const seenItems = new Set<number>();
    const rectifications = values.rectifications.map((item, index) => {
      const where = `第${index + 1}项整改`;
      if (item.id !== null && (!stored.rectifications.has(item.id) || seenItems.has(item.id))) problems.add('rectifications', `${where}不属于这次组织生活会的整改清单，请刷新后重试`);
      if (item.id !== null) seenItems.add(item.id);
      if (item.problemIndex !== null && item.problemIndex >= values.problems.length) problems.add('rectifications', `${where}对应的问题不在问题清单中`);
      if (item.status === 'done' && !item.doneOn) problems.add('rectifications', `${where}已完成，请填写完成日期`);
      if (item.status === 'open' && item.doneOn) problems.add('rectifications', `${where}未完成，不应填写完成日期（完成后再勾选“已完成”）`);
      if (item.doneOn && item.doneOn > now) problems.add('rectifications', `${where}的完成日期不能晚于今天`);
      let ownerName = item.ownerName;
      if (item.ownerMemberId !== null) {
        const owner = store.members.get(item.ownerMemberId);
        if (!owner) problems.add('rectifications', `${where}的责任人不存在`);
        ownerName = owner?.name ?? null;
      }
      return { ...item, ownerName };
    });
    problems.throwIfAny();
    return { ...values, rectifications };
  }

  return {
    get: ({ meetingId }: { meetingId: number }) => view(meetingId),

    /** The whole material at once, with a version check; rows keep their ids, so statuses survive edits. */
    save(values: SaveValues): OrgLifeMaterial {
      store.transaction(() => {
        // A stale window is told so first: its row ids may no longer exist.
        if ((store.orgLife.get(values.meetingId)?.version ?? 0) !== values.version) {
          meetingOfType(meetings, values.meetingId, 'orgLifeMeeting');
          throw conflict('组织生活会材料');
        }
        const material = check(values);
        if (!trail.meeting.update(values.meetingId, () => store.orgLife.replace(values.meetingId, values.version, material, clock().toISOString()))) throw conflict('组织生活会材料');
      });
      return view(values.meetingId);
    },

    /** 整改 items of every 组织生活会, open ones first (for 首页 and the yearly reports). */
    rectifications(input: ListInput): RectificationListItem[] {
      const now = today();
      return store.orgLife.allRectifications(input ?? {}).map((item) => withOverdue(item, now));
    },
  };
}

export type OrgLifeService = ReturnType<typeof createOrgLifeService>;
