import { CloudDownloadOutlined, ExportOutlined, FolderOpenOutlined, ImportOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { BackupItem, RestoreSource } from '../../../../shared/contract/dataSafety';
import { formatFileSize } from '../../../../shared/domain/attachments';
import { BACKUP_REASON_LABELS } from '../../../../shared/domain/dataSafety';
import { useBackupNow, useBackups, useDataSafetyStatus, useSetBackupFolder } from '../../api/dataSafety';
import { showServerProblems } from '../../lib/forms';
import { ExportHandoverModal, ImportHandoverModal } from './HandoverModals';
import { formatTakenAt, RestoreModal, StatusTag } from './dataSafetyParts';

/** 更改备份位置: a folder we can write in; the existing backups move along. */
function BackupFolderModal({ open, onClose, current, defaultDir }: { open: boolean; onClose: () => void; current: string; defaultDir: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ path: string }>();
  const setFolder = useSetBackupFolder();
  const submit = async ({ path }: { path: string }) => {
    try {
      const result = await setFolder.mutateAsync({ path });
      message.success(result.moved > 0 ? `备份位置已改为 ${result.backupDir}，已有的 ${result.moved} 份备份已移过去` : `备份位置已改为 ${result.backupDir}`);
      onClose();
    } catch (error) {
      if (!showServerProblems(form, error)) form.setFields([{ name: 'path', errors: [(error as Error).message] }]);
    }
  };
  return (
    <Modal
      open={open}
      title="更改备份位置"
      width={600}
      okText="改到这里"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: setFolder.isPending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ path: current }} onFinish={submit} requiredMark={false}>
        <Typography.Paragraph type="secondary">
          可以放到另一块硬盘、U 盘或单位的网络共享文件夹，电脑坏了也不会连备份一起丢失。已有的备份会复制到新位置，核对无误后从原位置删除。
        </Typography.Paragraph>
        <Form.Item name="path" label="备份文件夹" rules={[{ required: true, message: '请填写备份文件夹的位置' }]} extra={`默认位置：${defaultDir}`}>
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 从其他位置恢复: a backup folder (or a database file) on a USB drive or another disk. */
function OtherSourceModal({ open, onClose, onPicked }: { open: boolean; onClose: () => void; onPicked: (source: RestoreSource) => void }) {
  const [form] = Form.useForm<{ path: string }>();
  return (
    <Modal open={open} title="从其他位置恢复" width={600} okText="检查这份备份" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={({ path }) => onPicked({ kind: 'path', path })} requiredMark={false}>
        <Typography.Paragraph type="secondary">
          填写以日期命名的备份文件夹（如 E:\支部台账备份\2026-11-22_100000_daily），或旧电脑上的数据文件 branch-ledger.sqlite3 的位置。
        </Typography.Paragraph>
        <Form.Item name="path" label="位置" rules={[{ required: true, message: '请填写备份文件夹或数据文件的位置' }]}>
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 设置 ▸ 数据安全: the backups (automatic and manual), restore, and the handover package. */
export function DataSafetySection() {
  const { message } = App.useApp();
  const status = useDataSafetyStatus();
  const backups = useBackups();
  const backupNow = useBackupNow();
  const [restoring, setRestoring] = useState<RestoreSource | null>(null);
  const [dialog, setDialog] = useState<'folder' | 'other' | 'export' | 'import' | null>(null);

  if (status.isError) return <Alert type="error" showIcon message="无法读取数据安全设置" description={status.error.message} />;
  const info = status.data;
  if (!info) return <Card title="数据安全" loading />;

  const takeBackup = async () => {
    try {
      const item = await backupNow.mutateAsync(undefined);
      message.success(`已备份并校验：${formatTakenAt(item.takenAt)}，${formatFileSize(item.sizeBytes)}`);
    } catch (error) {
      message.error({ content: (error as Error).message, duration: 8 });
    }
  };

  const columns: ColumnsType<BackupItem> = [
    { title: '备份时间', key: 'takenAt', width: 170, render: (_value, item) => formatTakenAt(item.takenAt) },
    { title: '原因', key: 'reason', width: 130, render: (_value, item) => BACKUP_REASON_LABELS[item.reason] },
    {
      title: '内容',
      key: 'counts',
      render: (_value, item) => (
        <>
          <div>
            党员 {item.counts.members} 人 · 记录 {item.counts.meetings} 条 · 附件 {item.counts.attachments} 个
          </div>
          {item.branchName && <div className="data-safety-note">{item.branchName}</div>}
        </>
      ),
    },
    { title: '大小', key: 'size', width: 90, render: (_value, item) => formatFileSize(item.sizeBytes) },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_value, item) => (
        <>
          <StatusTag status={item.status} problem={item.problem} />
          {item.problem && <div className="data-safety-note">{item.problem}</div>}
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_value, item) => (
        <Button type="link" size="small" disabled={item.status === 'damaged'} onClick={() => setRestoring({ kind: 'backup', id: item.id })} aria-label={`恢复 ${formatTakenAt(item.takenAt)} 的备份`}>
          恢复
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={
        <Space>
          <SafetyOutlined />
          数据安全
        </Space>
      }
      extra={
        <Button type="primary" icon={<CloudDownloadOutlined />} loading={backupNow.isPending} onClick={takeBackup}>
          立即备份
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        软件每天第一次打开时、导入或撤销导入党员前、升级数据结构前和恢复数据前都会自动备份，备份写完后逐个核对。保留最近两天的全部备份，以及最近 7 天、4 周、12 个月各一份。
      </Typography.Paragraph>
      {info.lastAutoBackupError && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message="自动备份没有完成" description={`${info.lastAutoBackupError} 请检查备份位置，或点“立即备份”重试。`} />
      )}
      <div className="data-safety-folder">
        <span className="data-safety-label">备份位置</span>
        <span className="data-safety-path" data-testid="backup-folder">
          {info.backupDir}
        </span>
        <Button size="small" icon={<FolderOpenOutlined />} onClick={() => setDialog('folder')}>
          更改备份位置
        </Button>
      </div>
      <Table
        rowKey="id"
        size="small"
        className="data-safety-table"
        columns={columns}
        dataSource={backups.data ?? []}
        loading={backups.isPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 份备份` }}
        locale={{ emptyText: '还没有备份。点“立即备份”做第一份。' }}
        footer={() => (
          <Button type="link" size="small" onClick={() => setDialog('other')} style={{ paddingLeft: 0 }}>
            从其他位置（U 盘、旧电脑的数据文件）恢复…
          </Button>
        )}
      />
      <div className="data-safety-handover">
        <div>
          <div className="data-safety-label">交接包</div>
          <Typography.Text type="secondary">换届交接或换电脑时，把全部数据导出为一个加密文件，在新电脑上用密码导入。</Typography.Text>
        </div>
        <Space>
          <Button icon={<ExportOutlined />} onClick={() => setDialog('export')}>
            导出交接包
          </Button>
          <Button icon={<ImportOutlined />} onClick={() => setDialog('import')}>
            导入交接包
          </Button>
        </Space>
      </div>

      <RestoreModal source={restoring} onClose={() => setRestoring(null)} />
      <BackupFolderModal open={dialog === 'folder'} onClose={() => setDialog(null)} current={info.backupDir} defaultDir={info.defaultBackupDir} />
      <OtherSourceModal
        open={dialog === 'other'}
        onClose={() => setDialog(null)}
        onPicked={(source) => {
          setDialog(null);
          setRestoring(source);
        }}
      />
      <ExportHandoverModal open={dialog === 'export'} onClose={() => setDialog(null)} defaultFolder={info.backupDir} />
      <ImportHandoverModal open={dialog === 'import'} onClose={() => setDialog(null)} empty={info.empty} />
    </Card>
  );
}
