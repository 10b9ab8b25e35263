import { describe, expect, it } from 'vitest';
import { draftFromRecord, MEETING_TEMPLATES, nextHeldOn, templateFor } from '../../src/shared/domain/meetingTemplates';

describe('nextHeldOn (保存并新建下一条)', () => {
  it.each([
    [['committeeMeeting'], '2026-01-31', '2026-02-28'],
    [['groupMeeting'], '2026-03-10', '2026-04-10'],
    [['memberAssembly'], '2026-01-15', '2026-04-15'],
    [['memberAssembly', 'themedPartyDay'], '2026-01-15', '2026-02-15'],
    [['orgLifeMeeting', 'democraticReview'], '2025-01-20', '2026-01-20'],
  ] as const)('moves %j held on %s to %s', (types, heldOn, next) => {
    expect(nextHeldOn(types, heldOn, '2026-11-22')).toBe(next);
  });

  it('leaves the date empty when the next one would be after today, and keeps today itself', () => {
    expect(nextHeldOn(['committeeMeeting'], '2026-10-23', '2026-11-22')).toBeNull();
    expect(nextHeldOn(['committeeMeeting'], '2026-10-22', '2026-11-22')).toBe('2026-11-22');
  });
});

describe('templates and copies', () => {
  it('ships a template with an agenda for every type but 谈心谈话', () => {
    expect(templateFor('heartToHeartTalk')).toBeNull();
    expect(MEETING_TEMPLATES.map((template) => template.type).sort()).toEqual(
      ['committeeMeeting', 'democraticReview', 'groupMeeting', 'memberAssembly', 'orgLifeMeeting', 'partyLecture', 'themedPartyDay'].sort(),
    );
    for (const template of MEETING_TEMPLATES) expect(template.agenda.length, template.type).toBeGreaterThan(1);
  });

  it('copies a record without its topic or lecture title, and drops a lecturer when it is no 党课', () => {
    const base = {
      types: ['committeeMeeting'] as const,
      partyGroupId: null,
      startsAt: '16:30',
      endsAt: '17:30',
      location: '二楼会议室',
      hostMemberId: 1,
      recorderMemberId: 3,
      lecturerMemberId: 1,
      lecturerName: '陈建华',
      agenda: [{ title: '研究发展党员工作', speeches: [{ speakerName: '陈建华', summary: '…' }] }],
    };
    expect(draftFromRecord(base)).toEqual({
      types: ['committeeMeeting'],
      partyGroupId: null,
      startsAt: '16:30',
      endsAt: '17:30',
      location: '二楼会议室',
      topic: '',
      hostMemberId: 1,
      recorderMemberId: 3,
      lecturerMemberId: null,
      lecturerName: null,
      lectureTitle: null,
      agenda: [{ title: '研究发展党员工作' }],
    });
    expect(draftFromRecord({ ...base, types: ['partyLecture'] })).toMatchObject({ lecturerMemberId: 1, lecturerName: '陈建华' });
  });
});
