import { describe, expect, it } from 'vitest';
import type { MeetingListItem, MeetingRecord } from '../../src/shared/contract/meetings';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// The demo branch is what a secretary tries first: every one of its records must open and save again
// unchanged in the editor, or the first thing they try fails with a validation message.

/** What the editor sends back for a record it opened and saved without changes. */
function unchanged(record: MeetingRecord) {
  return {
    id: record.id,
    version: record.version,
    types: record.types,
    partyGroupId: record.partyGroupId,
    heldOn: record.heldOn,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    location: record.location,
    topic: record.topic,
    hostMemberId: record.hostMemberId,
    recorderMemberId: record.recorderMemberId,
    lecturerMemberId: record.lecturerMemberId,
    lecturerName: record.lecturerMemberId === null ? record.lecturerName : null,
    lectureTitle: record.lectureTitle,
    recordedOn: record.recordedOn,
    summary: record.summary,
    agenda: record.agenda.map((item) => ({
      title: item.title,
      speeches: item.speeches.map((speech) => ({ speakerMemberId: speech.speakerMemberId, speakerName: speech.speakerMemberId === null ? speech.speakerName : null, summary: speech.summary })),
    })),
    decisions: record.decisions.map(({ id, text, agendaPosition, ownerMemberId, dueOn }) => ({ id, text, agendaPosition, ownerMemberId, dueOn })),
    votes: record.votes,
    attendance: record.attendance.map(({ name: _name, ...entry }) => entry),
    guests: record.guests,
    exclusions: record.exclusions,
  };
}

describe('demo branch records', () => {
  it('each opens and saves again unchanged', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'demo:create');
    const list = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025 });
    expect(list).toHaveLength(60);
    const refused: string[] = [];
    for (const item of list) {
      const record = await call<MeetingRecord>(core, 'meetings:get', { id: item.id });
      const result = await core.dispatch('meetings:update', unchanged(record));
      if (!result.ok) refused.push(`${record.heldOn} ${record.topic}: ${result.error.message} ${JSON.stringify(result.error.details ?? [])}`);
    }
    expect(refused).toEqual([]);
  });
});
