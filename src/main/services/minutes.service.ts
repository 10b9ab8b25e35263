import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type { MeetingExportResult, meetingExportInput, meetingSignInSheetInput } from '../../shared/contract/meetings';
import { COMMITTEE_ROLE_LABELS } from '../../shared/domain/branch';
import { minutesFileName, minutesModel } from '../documents/minutes.model';
import type { DocumentModel } from '../documents/documentModel';
import type { DocPresetName } from '../documents/presets';
import { renderDocx } from '../documents/renderDocx';
import { signInSheetFileName, signInSheetModel } from '../documents/signInSheet.model';
import type { ServiceContext } from './context';
import { branchPreset } from './documentPresets.service';
import type { MeetingsService } from './meetings.service';

type ExportInput = z.output<typeof meetingExportInput>;
type SignInSheetInput = z.output<typeof meetingSignInSheetInput>;

/** 会议记录 and 签到表 as Word: records (via the meetings service) laid out by the documents builders. */
export function createMinutesService(context: ServiceContext, meetings: MeetingsService) {
  const { store } = context;
  /** Lays a model out with the preset, its fonts adjusted to this PC's. */
  async function render(model: DocumentModel, preset: DocPresetName, fileName: string): Promise<MeetingExportResult> {
    const layout = branchPreset(context, preset);
    const bytes = await renderDocx(model, layout.preset);
    return { fileName, contentBase64: bytes.toString('base64'), fontNotes: layout.fontNotes };
  }

  function branchName(): string {
    const branch = store.branch.get();
    if (!branch) throw new AppError('NOT_FOUND', '还没有建立支部，不能导出文档。请先填写支部信息。');
    return branch.name;
  }

  const groupName = (partyGroupId: number | null) => (partyGroupId !== null ? (store.groups.get(partyGroupId)?.name ?? null) : null);

  /** 职务 on the date: committee seats first, then 党小组组长 of groups led now. */
  function rolesOn(date: string): Map<number, string> {
    const roles = new Map<number, string>();
    for (const group of store.groups.list()) if (group.leaderId !== null) roles.set(group.leaderId, '党小组组长');
    for (const seat of store.committee.allSeatsOn(date)) roles.set(seat.memberId, COMMITTEE_ROLE_LABELS[seat.role]);
    return roles;
  }

  return {
    async exportDocx({ id, preset }: ExportInput): Promise<MeetingExportResult> {
      const record = meetings.get({ id });
      const model = minutesModel(record, { branchName: branchName(), groupName: groupName(record.partyGroupId) });
      return render(model, preset, minutesFileName(record));
    },

    async signInSheetDocx({ preset, exclusions, ...plan }: SignInSheetInput): Promise<MeetingExportResult> {
      const name = branchName();
      const { expected } = meetings.expectedOn({ types: plan.types, partyGroupId: plan.partyGroupId, heldOn: plan.heldOn, exclusions });
      const model = signInSheetModel(plan, expected, { branchName: name, groupName: groupName(plan.partyGroupId), roles: rolesOn(plan.heldOn) });
      return render(model, preset, signInSheetFileName(plan));
    },
  };
}
