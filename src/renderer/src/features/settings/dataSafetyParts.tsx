import { Alert, App, Descriptions, Modal, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { BackupCounts, BackupInspection, RestoreResult, RestoreSource } from '../../../../shared/contract/dataSafety';
import { formatFileSize } from '../../../../shared/domain/attachments';
import { BACKUP_REASON_LABELS } from '../../../../shared/domain/dataSafety';
import { useInspectBackup, useRestore } from '../../api/dataSafety';

// Pieces shared by 设置 ▸ 数据安全 and the damaged-database screen: how a backup reads, and the
// restore dialog (check the backup, show what it holds, confirm, restore, reopen the page).

/** '2026-11-22T10:05:00' -> '2026年11月22日 10:05'. */
export function formatTakenAt(takenAt: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(takenAt);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日 ${match[4]}:${match[5]}` : '—';
}

export function countsText(counts: BackupCounts, attachmentFiles?: number): string {
  const files = attachmentFiles !== undefined && attachmentFiles !== counts.attachments ? `（${attachmentFiles} 个文件）` : '';
  return `党员 ${counts.members} 人，组织生活记录 ${counts.meetings} 条，附件 ${counts.attachments} 个${files}`;
}

export function StatusTag({ status, problem }: { status: 'verified' | 'damaged'; problem: string | null }) {
  return status === 'verified' ? (
    <Tag color="green">已校验</Tag>
  ) : (
    <Tag color="red" title={problem ?? undefined}>
      已损坏
    </Tag>
  );
}

/** What a backup holds, as the secretary checks it before a restore. */
export function BackupContents({ item }: { item: BackupInspection }) {
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
      <Descriptions.Item label="支部">{item.branchName ?? '（尚未建立支部）'}</Descriptions.Item>
      {item.sourceKind !== 'file' && <Descriptions.Item label="备份时间">{formatTakenAt(item.takenAt)}</Descriptions.Item>}
      {item.sourceKind !== 'file' && <Descriptions.Item label="备份原因">{BACKUP_REASON_LABELS[item.reason]}</Descriptions.Item>}
      <Descriptions.Item label="内容">{countsText(item.counts, item.sourceKind === 'file' ? undefined : item.attachmentFiles)}</Descriptions.Item>
      <Descriptions.Item label="党员变动记录">{item.counts.memberEvents} 条</Descriptions.Item>
      <Descriptions.Item label="大小">{formatFileSize(item.sizeBytes)}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <StatusTag status={item.status} problem={item.problem} />
        {item.problem && <span className="data-safety-problem">{item.problem}</span>}
      </Descriptions.Item>
      <Descriptions.Item label="位置">
        <span className="data-safety-path">{item.location}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** After a restore the core reopened on the restored file: the page starts again from it. */
export function reopenPage(): void {
  window.setTimeout(() => window.location.reload(), 1200);
}

export function restoredText(result: RestoreResult): string {
  const kept = result.safetyBackupId ? `恢复前的数据已自动备份（${result.safetyBackupId}），需要时可再恢复回来。` : '';
  const damaged = result.keptDamagedFile ? `损坏的数据文件已另存为 ${result.keptDamagedFile}。` : '';
  return `已恢复：${countsText(result.counts)}。${kept}${damaged}正在重新打开…`;
}

/**
 * Checks a backup (every file re-hashed), shows what it holds and restores it on confirmation.
 * `source` null = closed.
 */
export function RestoreModal({ source, onClose, damagedStart = false }: { source: RestoreSource | null; onClose: () => void; damagedStart?: boolean }) {
  const { modal } = App.useApp();
  const inspect = useInspectBackup();
  const restore = useRestore();
  // The check's answer is kept with the source it belongs to, so a new source never shows an old answer.
  const [checked, setChecked] = useState<{ source: RestoreSource; inspection?: BackupInspection; problem?: string } | null>(null);
  const [restoreProblem, setRestoreProblem] = useState<string | null>(null);
  const { mutateAsync: inspectAsync } = inspect;

  useEffect(() => {
    if (!source) return;
    let live = true;
    inspectAsync({ source })
      .then((result) => live && setChecked({ source, inspection: result }))
      .catch((error: Error) => live && setChecked({ source, problem: error.message }));
    return () => {
      live = false;
    };
  }, [source, inspectAsync]);

  const current = checked && checked.source === source ? checked : null;
  const inspection = current?.inspection ?? null;
  const problem = restoreProblem ?? current?.problem ?? null;

  const close = () => {
    setRestoreProblem(null);
    onClose();
  };

  const confirm = async () => {
    if (!source) return;
    try {
      const result = await restore.mutateAsync({ source });
      close();
      modal.success({ title: '数据已恢复', content: restoredText(result), okButtonProps: { style: { display: 'none' } } });
      reopenPage();
    } catch (error) {
      setRestoreProblem((error as Error).message);
    }
  };

  const usable = inspection !== null && inspection.status === 'verified' && !inspection.tooNew;
  return (
    <Modal
      open={source !== null}
      title="从备份恢复"
      width={640}
      okText="确认恢复"
      cancelText="取消"
      okButtonProps={{ danger: true, disabled: !usable, loading: restore.isPending }}
      cancelButtonProps={{ disabled: restore.isPending }}
      onOk={confirm}
      onCancel={close}
      maskClosable={false}
      destroyOnHidden
    >
      {!inspection && !problem && (
        <div className="data-safety-checking">
          <Spin tip="正在逐个核对备份中的文件…">
            <div style={{ height: 60 }} />
          </Spin>
        </div>
      )}
      {problem && <Alert type="error" showIcon message="不能从这里恢复" description={problem} style={{ marginBottom: 12 }} />}
      {inspection && (
        <>
          <BackupContents item={inspection} />
          {inspection.tooNew && <Alert style={{ marginTop: 12 }} type="error" showIcon message="这份备份由更新版本的支部台账创建，请先升级软件。" />}
          {inspection.status === 'damaged' && <Alert style={{ marginTop: 12 }} type="error" showIcon message="这份备份已损坏，不能恢复。请选择其他备份。" />}
          {inspection.missingAttachments > 0 && (
            <Alert style={{ marginTop: 12 }} type="warning" showIcon message={`有 ${inspection.missingAttachments} 个附件文件在备份和本机中都找不到，恢复后这些附件无法打开。`} />
          )}
          {usable && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              message={damagedStart ? '恢复后，软件将使用这份备份中的数据。损坏的数据文件会另存一份，不会删除。' : '恢复后，当前数据将被这份备份替换。'}
              description={damagedStart ? undefined : '恢复前会自动备份当前数据，需要时可以再恢复回来。'}
            />
          )}
        </>
      )}
    </Modal>
  );
}
