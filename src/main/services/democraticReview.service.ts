import type { z } from 'zod';
import type { DemocraticReview, democraticReviewSaveInput, ReviewRow } from '../../shared/contract/democraticReview';
import { AppError } from '../../shared/contract/errors';
import { gradeCounts, PROBATIONARY_NOT_GRADED, reviewProblems, type ReviewPerson } from '../../shared/domain/democraticReview';
import type { MeetingRecord } from '../../shared/contract/meetings';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { conflict, meetingOfType } from './meetingMaterial';
import type { MeetingsService } from './meetings.service';

type SaveValues = z.output<typeof democraticReviewSaveInput>;

/**
 * 民主评议党员: who is graded is exactly the meeting's 应到 as the meetings service computes it for the
 * review date (the roster as of that day): its 正式党员 get a grade, its 预备党员 are listed without
 * one, members excluded from 应到 with approval are listed with the reason.
 */
export function createDemocraticReviewService({ store, clock }: ServiceContext, meetings: MeetingsService) {
  const trail = createEditTrail({ store, clock });
  const people = (record: MeetingRecord): ReviewPerson[] =>
    record.assessment.expected.map((person) => ({ memberId: person.memberId, name: person.name, category: person.category }));

  function view(meetingId: number): DemocraticReview {
    const record = meetingOfType(meetings, meetingId, 'democraticReview');
    const stored = store.democraticReview.get(meetingId);
    const saved = new Map((stored?.grades ?? []).map((entry) => [entry.memberId, entry]));
    const rows: ReviewRow[] = people(record).map((person) => {
      const gradable = person.category === 'full';
      const entry = gradable ? saved.get(person.memberId) : undefined;
      return { ...person, gradable, notGradedReason: gradable ? null : PROBATIONARY_NOT_GRADED, grade: entry?.grade ?? null, note: entry?.note ?? null };
    });
    for (const excluded of record.assessment.excluded) {
      rows.push({
        memberId: excluded.memberId,
        name: excluded.name,
        category: store.members.get(excluded.memberId)?.category ?? 'full',
        gradable: false,
        notGradedReason: `经批准不计入应到（${excluded.reason}），不参加本次评定`,
        grade: null,
        note: null,
      });
    }
    const gradableIds = new Set(rows.filter((row) => row.gradable).map((row) => row.memberId));
    const stale = (stored?.grades ?? [])
      .filter((entry) => !gradableIds.has(entry.memberId))
      .map((entry) => ({ memberId: entry.memberId, name: store.members.get(entry.memberId)?.name ?? `编号 ${entry.memberId}`, grade: entry.grade }));
    return {
      meetingId,
      heldOn: record.heldOn,
      topic: record.topic,
      version: stored?.version ?? 0,
      rows,
      counts: gradeCounts((stored?.grades ?? []).filter((entry) => gradableIds.has(entry.memberId))),
      stale,
    };
  }

  return {
    get: ({ meetingId }: { meetingId: number }) => view(meetingId),

    /** All grades at once; refused whole (nothing saved) when any rule is broken, e.g. too many 优秀. */
    save({ meetingId, version, grades }: SaveValues): DemocraticReview {
      store.transaction(() => {
        const record = meetingOfType(meetings, meetingId, 'democraticReview');
        const problems = reviewProblems(people(record), grades);
        if (problems.length > 0) {
          const details = problems.map((problem) => ({ path: problem.path, label: '评定等次', message: problem.message }));
          throw new AppError('VALIDATION', details.map((problem) => problem.message).join('；'), details);
        }
        if (!trail.meeting.update(meetingId, () => store.democraticReview.replace(meetingId, version, grades, clock().toISOString()))) throw conflict('民主评议结果');
      });
      return view(meetingId);
    },
  };
}

export type DemocraticReviewService = ReturnType<typeof createDemocraticReviewService>;
