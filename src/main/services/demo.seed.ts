import { z } from 'zod';
import { BRANCH_KINDS, COMMITTEE_ROLES } from '../../shared/domain/branch';
import { GENDERS, MEMBER_CATEGORIES } from '../../shared/domain/member';
import { LEAVE_KINDS, MEETING_TYPES } from '../../shared/domain/meetingTypes';
import { isoDate } from '../../shared/contract/common';

// Shape of seeds/demo/demo-branch.json. Members and groups are referred to by key ("m01", "g1").
// A meeting lists only who was not there; everyone else in its scope was present.
const key = z.string().regex(/^[mg]\d+$/);

export const demoSeedSchema = z.strictObject({
  baseYear: z.number().int(),
  note: z.string(),
  branch: z.strictObject({
    name: z.string(),
    kind: z.enum(BRANCH_KINDS),
    parentOrg: z.string(),
    foundedOn: isoDate,
    contactPerson: z.string(),
    contactPhone: z.string(),
  }),
  term: z.strictObject({ seq: z.number().int().positive(), startsOn: isoDate, endsOn: isoDate }),
  groups: z.array(z.strictObject({ key, name: z.string(), leader: key, foundedOn: isoDate })),
  committee: z.array(z.strictObject({ role: z.enum(COMMITTEE_ROLES), member: key })),
  members: z.array(
    z.strictObject({
      key,
      name: z.string(),
      gender: z.enum(GENDERS),
      ethnicity: z.string(),
      birthDate: isoDate,
      idNumber: z.string(),
      education: z.string(),
      admittedOn: isoDate,
      confirmedOn: isoDate.nullable(),
      category: z.enum(MEMBER_CATEGORIES),
      group: key,
      phone: z.string(),
      note: z.string().nullable(),
    }),
  ),
  meetings: z.array(
    z.strictObject({
      heldOn: isoDate,
      startsAt: z.string(),
      endsAt: z.string(),
      types: z.array(z.enum(MEETING_TYPES)).min(1),
      topic: z.string(),
      group: key.nullable(),
      host: key,
      recorder: key,
      /** 党课: the member who lectured and the lecture's title. */
      lecturer: key.optional(),
      lectureTitle: z.string().optional(),
      location: z.string(),
      scope: z.union([z.enum(['branch', 'committee']), key, z.array(key)]),
      recordedOn: isoDate,
      summary: z.string().nullable(),
      absences: z.array(
        z.strictObject({
          member: key,
          status: z.enum(['leave', 'absent']),
          leaveKind: z.enum(LEAVE_KINDS).nullable(),
          reason: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export type DemoSeed = z.infer<typeof demoSeedSchema>;
