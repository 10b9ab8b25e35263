import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type { Member, MemberExportResult, memberExportInput } from '../../shared/contract/members';
import { todayIso } from '../../shared/domain/dates';
import { partyStandingYears } from '../../shared/domain/member';
import { MEMBER_STATUS_LABELS } from '../../shared/domain/memberHistory';
import { buildRosterXlsx, type RosterRow } from '../documents/roster.xlsx';
import type { ServiceContext } from './context';
import { rosterOrder, type MembersService } from './members.service';

type ExportInput = z.output<typeof memberExportInput>;

/** 党内职务 as a roster writes them: the committee roles say whose 书记 they are. */
function postLabel(post: string): string {
  return post === '书记' || post === '副书记' ? `支部${post}` : post;
}

/** 在册, or 在册（留党察看、失联）: what an inspector must see in the 党籍状态 column. */
function statusLabel(member: Member): string {
  const label = MEMBER_STATUS_LABELS[member.state.status];
  if (!member.state.belongs) return label;
  const notes = [member.state.partyProbation ? '留党察看' : null, member.state.lostContact ? '失联' : null].filter(Boolean);
  return notes.length > 0 ? `${label}（${notes.join('、')}）` : label;
}

/** 党员花名册 export: today's roster from the members service, laid out by the documents builder. */
export function createRosterService({ store, clock }: ServiceContext, members: MembersService) {
  return {
    async exportXlsx(input: ExportInput): Promise<MemberExportResult> {
      const branch = store.branch.get();
      if (!branch) throw new AppError('NOT_FOUND', '还没有建立支部，不能导出党员花名册。请先填写支部信息。');
      const date = todayIso(clock());
      const includeLeft = input?.includeLeft ?? false;
      const groupNames = new Map(store.groups.list(true).map((group) => [group.id, group.name]));

      const chosen = members
        .roster(date)
        .filter((member) => member.state.belongs || (includeLeft && member.state.status !== 'notJoined'))
        .sort(rosterOrder);

      const rows: RosterRow[] = chosen.map((member) => ({
        name: member.name,
        gender: member.gender,
        ethnicity: member.ethnicity,
        birthDate: member.birthDate,
        idNumber: member.idNumber,
        nativePlace: member.nativePlace,
        education: member.education,
        degree: member.degree,
        workStartedOn: member.workStartedOn,
        workplace: member.workplace,
        personCategory: member.personCategory,
        admittedOn: member.admittedOn,
        confirmedOn: member.confirmedOn,
        category: member.state.category,
        partyStandingYears: member.state.category === 'full' ? partyStandingYears(member.confirmedOn, date) : null,
        partyGroupName: member.partyGroupId ? (groupNames.get(member.partyGroupId) ?? null) : null,
        partyPosts: member.partyPosts.length > 0 ? member.partyPosts.map(postLabel).join('、') : null,
        status: statusLabel(member),
        inRoster: member.state.belongs,
        flowing: member.state.flowing ? { destination: member.state.flowing.detail } : null,
        phone: member.phone,
        note: member.note,
      }));

      const bytes = await buildRosterXlsx({
        branchName: branch.name,
        asOf: date,
        rows,
        includeFullNumbers: input?.includeFullNumbers ?? false,
        createdAt: clock(),
      });
      return { fileName: `党员花名册_${date}.xlsx`, contentBase64: bytes.toString('base64'), rowCount: rows.length };
    },
  };
}

export type RosterService = ReturnType<typeof createRosterService>;
