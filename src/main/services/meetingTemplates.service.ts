import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type { MeetingStart, MeetingStartOption, meetingStartInput } from '../../shared/contract/meetingTemplates';
import { todayIso } from '../../shared/domain/dates';
import { draftFromRecord, templateFor, type MeetingDraft } from '../../shared/domain/meetingTemplates';
import { MEETING_TYPE_LABELS, MEETING_TYPES } from '../../shared/domain/meetingTypes';
import { memberStateOn } from '../../shared/domain/memberHistory';
import type { ServiceContext } from './context';

type StartValues = z.output<typeof meetingStartInput>;

export function createMeetingTemplatesService({ store, clock }: ServiceContext) {
  /** Someone still in the branch, or nobody: a default must not pick a member who has left. */
  function stillHere(memberId: number | null): number | null {
    const member = memberId === null ? null : store.members.get(memberId);
    if (!member) return null;
    return memberStateOn(store.memberEvents.forMember(member.id), member.category, todayIso(clock())).belongs ? member.id : null;
  }

  /** The 书记 in office today chairs by default; a 党小组会 is chaired by its 组长. */
  function defaultHost(type: StartValues['type'], partyGroupId: number | null): number | null {
    if (type === 'groupMeeting' && partyGroupId !== null) return stillHere(store.groups.get(partyGroupId)?.leaderId ?? null);
    const secretary = store.committee.allSeatsOn(todayIso(clock())).find((seat) => seat.role === 'secretary');
    return stillHere(secretary?.memberId ?? null);
  }

  return {
    list(): MeetingStartOption[] {
      return MEETING_TYPES.map((type) => ({ type, template: templateFor(type), last: store.meetingTemplates.lastOfType(type) }));
    },

    get({ type, from, partyGroupId }: StartValues): MeetingStart {
      const last = store.meetingTemplates.lastOfType(type, type === 'groupMeeting' ? partyGroupId : null);
      const lastRecord = last ? store.meetings.get(last.id) : null;
      if (from === 'last') {
        if (!lastRecord) throw new AppError('NOT_FOUND', `还没有${MEETING_TYPE_LABELS[type]}记录可以复制，请从模板或空白记录开始。`);
        return { from, type, source: last, draft: draftFromRecord(lastRecord) };
      }
      const template = templateFor(type);
      if (!template) throw new AppError('NOT_FOUND', `${MEETING_TYPE_LABELS[type]}没有预置模板，请从空白记录开始。`);
      // The 党小组 remembers: the one of the last 党小组会 unless another is asked for.
      const groupId = type === 'groupMeeting' ? (partyGroupId ?? lastRecord?.partyGroupId ?? null) : null;
      const draft: MeetingDraft = {
        types: [type],
        partyGroupId: groupId,
        startsAt: lastRecord?.startsAt ?? null,
        endsAt: lastRecord?.endsAt ?? null,
        location: lastRecord?.location ?? store.meetingTemplates.lastLocation(),
        topic: '',
        hostMemberId: defaultHost(type, groupId),
        recorderMemberId: stillHere(lastRecord?.recorderMemberId ?? null),
        lecturerMemberId: null,
        lecturerName: null,
        lectureTitle: null,
        agenda: template.agenda.map((title) => ({ title })),
      };
      return { from, type, source: last, draft };
    },
  };
}

export type MeetingTemplatesService = ReturnType<typeof createMeetingTemplatesService>;
