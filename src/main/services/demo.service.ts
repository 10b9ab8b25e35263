import demoSeedJson from '../../../seeds/demo/demo-branch.json';
import type { DemoSummary } from '../../shared/contract/demo';
import { AppError } from '../../shared/contract/errors';
import { addYears } from '../../shared/domain/dates';
import type { ServiceContext } from './context';
import { demoSeedSchema, type DemoSeed } from './demo.seed';

/**
 * Loads the demo branch: a fictional 两新 branch with a full year of organisational life.
 * The seed's year is moved to last year, so the demo always shows a complete past year.
 */
export function createDemoService({ store, clock }: ServiceContext) {
  return {
    create(): DemoSummary {
      const seed: DemoSeed = demoSeedSchema.parse(demoSeedJson);
      const shift = clock().getFullYear() - 1 - seed.baseYear;
      const move = (date: string) => addYears(date, shift);
      const moveOrNull = (date: string | null) => (date ? move(date) : null);
      const now = clock().toISOString();

      return store.transaction(() => {
        if (store.branch.get()) throw new AppError('CONFLICT', '本数据文件中已有支部数据，不能再载入示例数据。请使用新的数据文件夹。');
        store.branch.insert({ ...seed.branch }, now);
        const termId = store.branch.insertTerm(seed.term.seq, move(seed.term.startsOn), move(seed.term.endsOn));

        const groupIds = new Map<string, number>();
        for (const group of seed.groups) {
          groupIds.set(group.key, store.groups.insert({ name: group.name, foundedOn: group.foundedOn, leaderId: null }, now));
        }

        const members = new Map<string, { id: number; name: string; group: string; admittedOn: string }>();
        for (const { key, group, admittedOn: seedAdmitted, confirmedOn: seedConfirmed, ...fields } of seed.members) {
          const admittedOn = move(seedAdmitted);
          const id = store.members.insert(
            { ...fields, nativePlace: null, degree: null, workStartedOn: null, workplace: null, personCategory: null },
            now,
          );
          store.memberEvents.setSingleDated(id, 'admitted', admittedOn, null, now);
          store.memberEvents.setSingleDated(id, 'confirmed', moveOrNull(seedConfirmed), null, now);
          store.groups.moveMember(id, groupIds.get(group)!, null);
          members.set(key, { id, name: fields.name, group, admittedOn });
        }
        const member = (key: string) => {
          const found = members.get(key);
          if (!found) throw new Error(`demo seed names an unknown member: ${key}`);
          return found;
        };

        for (const group of seed.groups) {
          const fields = { name: group.name, foundedOn: group.foundedOn, leaderId: member(group.leader).id, dissolvedOn: null };
          store.groups.update(groupIds.get(group.key)!, fields, now);
        }
        for (const seat of seed.committee) {
          const { id, name } = member(seat.member);
          store.committee.insert({ termId, memberId: id, memberName: name, role: seat.role, startsOn: move(seed.term.startsOn) });
        }
        const committeeKeys = seed.committee.map((seat) => seat.member);

        for (const meeting of seed.meetings) {
          const heldOn = move(meeting.heldOn);
          const scope = Array.isArray(meeting.scope)
            ? meeting.scope
            : meeting.scope === 'committee'
              ? committeeKeys
              : [...members.entries()]
                  .filter(([, m]) => m.admittedOn <= heldOn && (meeting.scope === 'branch' || m.group === meeting.scope))
                  .map(([key]) => key);
          const absences = new Map(meeting.absences.map((absence) => [absence.member, absence]));
          const meetingId = store.meetings.insert(
            {
              heldOn,
              startsAt: meeting.startsAt,
              endsAt: meeting.endsAt,
              location: meeting.location,
              topic: meeting.topic,
              partyGroupId: meeting.group ? groupIds.get(meeting.group)! : null,
              hostMemberId: member(meeting.host).id,
              hostName: member(meeting.host).name,
              recorderMemberId: member(meeting.recorder).id,
              recorderName: member(meeting.recorder).name,
              lecturerMemberId: meeting.lecturer ? member(meeting.lecturer).id : null,
              lecturerName: meeting.lecturer ? member(meeting.lecturer).name : null,
              lectureTitle: meeting.lectureTitle ?? null,
              recordedOn: move(meeting.recordedOn),
              summary: meeting.summary,
              types: meeting.types,
              attendance: scope.map((key) => {
                const absence = absences.get(key);
                return absence
                  ? { memberId: member(key).id, status: absence.status, leaveKind: absence.leaveKind, reason: absence.reason }
                  : { memberId: member(key).id, status: 'present' as const, leaveKind: null, reason: null };
              }),
            },
            now,
          );
          if (meeting.types.includes('heartToHeartTalk')) {
            store.talks.replace(meetingId, 0, { form: 'inPerson', participants: scope.map((key) => ({ memberId: member(key).id, name: member(key).name })) }, now);
          }
        }

        return {
          branchName: seed.branch.name,
          members: seed.members.length,
          groups: seed.groups.length,
          meetings: seed.meetings.length,
          year: seed.baseYear + shift,
        };
      });
    },
  };
}
