import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type { MeetingExportResult, meetingExportInput } from '../../shared/contract/meetings';
import { minutesFileName, minutesModel } from '../documents/minutes.model';
import { PRESETS } from '../documents/presets';
import { renderDocx } from '../documents/renderDocx';
import type { ServiceContext } from './context';
import type { MeetingsService } from './meetings.service';

type ExportInput = z.output<typeof meetingExportInput>;

/** 会议记录 as Word: the stored record (via the meetings service) laid out by the documents builders. */
export function createMinutesService({ store }: ServiceContext, meetings: MeetingsService) {
  return {
    async exportDocx({ id, preset }: ExportInput): Promise<MeetingExportResult> {
      const record = meetings.get({ id });
      const branch = store.branch.get();
      if (!branch) throw new AppError('NOT_FOUND', '还没有建立支部，不能导出会议记录。请先填写支部信息。');
      const groupName = record.partyGroupId !== null ? (store.groups.get(record.partyGroupId)?.name ?? null) : null;
      const model = minutesModel(record, { branchName: branch.name, groupName });
      const bytes = await renderDocx(model, PRESETS[preset]);
      return { fileName: minutesFileName(record), contentBase64: bytes.toString('base64') };
    },
  };
}
