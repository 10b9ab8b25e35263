import { z } from 'zod';
import { HANDOVER_PASSWORD_MAX, HANDOVER_PASSWORD_MIN, type BackupReason } from '../domain/dataSafety';
import { noInput, returns } from './common';

// 设置 ▸ 数据安全: automatic backups, restore, and the encrypted handover package (交接包).

/** Backup ids are folder names the core made (date, time, reason); nothing else reaches the disk. */
const BACKUP_ID = /^\d{4}-\d{2}-\d{2}_\d{6}(?:-\d{1,3})?_[A-Za-z]{3,20}$/;
const backupId = z.string({ error: '应为备份编号' }).regex(BACKUP_ID, '不是本软件的备份编号，请从备份列表中选择');

/** A folder or file on this computer, typed or chosen by the secretary. */
const localPath = z
  .string({ error: '应为文件夹或文件的位置' })
  .trim()
  .min(1, '请填写位置，如 D:\\支部台账备份 或 /home/用户/备份')
  .max(1000, '位置过长（超过 1000 个字符）');

/** Uploaded files (browser mode) travel as base64 in JSON; larger files are opened by their location. */
export const MAX_HANDOVER_UPLOAD_MB = 20;
const MAX_UPLOAD_BASE64 = Math.ceil((MAX_HANDOVER_UPLOAD_MB * 1024 * 1024) / 3) * 4 + 4;

const password = z
  .string({ error: '请填写密码' })
  .min(HANDOVER_PASSWORD_MIN, `密码至少 ${HANDOVER_PASSWORD_MIN} 位`)
  .max(HANDOVER_PASSWORD_MAX, `密码不能超过 ${HANDOVER_PASSWORD_MAX} 位`);

/** What to restore from: a backup in the list, or a backup folder / database file elsewhere (e.g. a USB drive). */
export const restoreSource = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('backup'), id: backupId }), z.strictObject({ kind: z.literal('path'), path: localPath })],
  { error: '请选择要恢复的备份' },
);
export type RestoreSource = z.input<typeof restoreSource>;

export const handoverSource = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('path'), path: localPath }),
    z.strictObject({
      kind: z.literal('upload'),
      fileName: z.string({ error: '应为文件名' }).max(1000, '文件名过长'),
      contentBase64: z
        .string({ error: '应为文件内容' })
        .min(1, '文件是空的')
        .max(MAX_UPLOAD_BASE64, `文件超过 ${MAX_HANDOVER_UPLOAD_MB} MB，无法经浏览器上传。请改为填写交接包文件的位置`),
    }),
  ],
  { error: '请选择交接包文件' },
);
export type HandoverSource = z.input<typeof handoverSource>;

export const inspectInput = z.strictObject({ source: restoreSource });
export const restoreInput = z.strictObject({ source: restoreSource });
export const setBackupFolderInput = z.strictObject({ path: localPath });
export const exportHandoverInput = z.strictObject({
  password,
  /** Folder to write the package into; the backup folder when omitted. */
  folder: localPath.optional(),
});
export const checkHandoverInput = z.strictObject({ source: handoverSource, password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(HANDOVER_PASSWORD_MAX) });
export const importHandoverInput = checkHandoverInput;

export type BackupStatus = 'verified' | 'damaged';

/** The counts a secretary recognises (the manifest keeps every table's count). */
export interface BackupCounts {
  members: number;
  meetings: number;
  attachments: number;
  memberEvents: number;
}

export interface BackupItem {
  id: string;
  /** Local date and time of the snapshot, 'YYYY-MM-DDTHH:mm:ss'. */
  takenAt: string;
  reason: BackupReason;
  sizeBytes: number;
  status: BackupStatus;
  /** Why it is damaged (Chinese), null when verified. */
  problem: string | null;
  branchName: string | null;
  appVersion: string;
  schemaVersion: number;
  counts: BackupCounts;
  attachmentFiles: number;
  /** Where it lies, for the secretary to find it (or copy it to a USB drive). */
  location: string;
}

/** A full look at one backup (every file re-hashed), shown before a restore. */
export interface BackupInspection extends BackupItem {
  /** backup: from the list; folder: a backup folder elsewhere; file: a bare database file. */
  sourceKind: 'backup' | 'folder' | 'file';
  tables: Record<string, number>;
  /** Attachments the records name that neither the backup nor this data folder holds. */
  missingAttachments: number;
  /** Newer schema than this app: cannot be restored. */
  tooNew: boolean;
}

export interface DataSafetyStatus {
  /** damaged: the database failed its check at start; only restore is possible. */
  state: 'ok' | 'damaged';
  problem: string | null;
  backupDir: string;
  defaultBackupDir: string;
  autoBackup: boolean;
  newestGood: BackupItem | null;
  backupCount: number;
  /** The last automatic backup that failed (and why), until one succeeds. */
  lastAutoBackupError: string | null;
  /** The current data holds nothing yet (a fresh installation): a handover import needs no confirmation. */
  empty: boolean;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The backup of the data as it was just before (null when there was nothing to keep). */
  safetyBackupId: string | null;
  counts: BackupCounts;
  /** Damaged database file kept aside (it is never deleted by the app). */
  keptDamagedFile: string | null;
}

export interface HandoverExport {
  path: string;
  fileName: string;
  sizeBytes: number;
  counts: BackupCounts;
  attachmentFiles: number;
}

export interface HandoverCheck {
  branchName: string | null;
  takenAt: string;
  appVersion: string;
  schemaVersion: number;
  counts: BackupCounts;
  attachmentFiles: number;
  sizeBytes: number;
  tooNew: boolean;
}

export const dataSafetyContract = {
  'dataSafety:status': { input: noInput, output: returns<DataSafetyStatus>() },
  'dataSafety:backups': { input: noInput, output: returns<BackupItem[]>() },
  'dataSafety:backupNow': { input: noInput, output: returns<BackupItem>() },
  'dataSafety:inspect': { input: inspectInput, output: returns<BackupInspection>() },
  'dataSafety:restore': { input: restoreInput, output: returns<RestoreResult>() },
  'dataSafety:setBackupFolder': { input: setBackupFolderInput, output: returns<{ backupDir: string; moved: number }>() },
  'dataSafety:exportHandover': { input: exportHandoverInput, output: returns<HandoverExport>() },
  'dataSafety:checkHandover': { input: checkHandoverInput, output: returns<HandoverCheck>() },
  'dataSafety:importHandover': { input: importHandoverInput, output: returns<RestoreResult>() },
} as const;

export const DATA_SAFETY_FIELD_LABELS: Record<string, string> = {
  source: '备份',
  id: '备份',
  kind: '来源',
  path: '位置',
  folder: '保存到',
  password: '密码',
  fileName: '文件名',
  contentBase64: '文件内容',
};
