import { ImportOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { RestoreSource } from '../../../../shared/contract/dataSafety';
import { formatFileSize } from '../../../../shared/domain/attachments';
import { BACKUP_REASON_LABELS } from '../../../../shared/domain/dataSafety';
import { useBackups, useDataSafetyStatus } from '../../api/dataSafety';
import { ImportHandoverModal } from './HandoverModals';
import { countsText, formatTakenAt, RestoreModal, StatusTag } from './dataSafetyParts';

/**
 * The database failed its check at start (数据文件损坏): instead of failing, the app offers the
 * newest good backup, any other backup, a backup elsewhere, or a handover package.
 */
export function DamagedDataScreen() {
  const status = useDataSafetyStatus();
  const backups = useBackups();
  const [restoring, setRestoring] = useState<RestoreSource | null>(null);
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm<{ path: string }>();
  const info = status.data;
  const newest = info?.newestGood ?? null;

  return (
    <div className="damaged-screen">
      <Result
        status="warning"
        title="数据文件损坏"
        subTitle={
          <>
            <div>支部台账的数据文件没有通过完整性检查，为防止进一步损坏，软件没有打开它，也没有改动它。</div>
            {info?.problem && <div className="data-safety-note">{info.problem}</div>}
          </>
        }
        extra={
          newest ? (
            <Button type="primary" size="large" icon={<RollbackOutlined />} onClick={() => setRestoring({ kind: 'backup', id: newest.id })}>
              从最新的完好备份恢复（{formatTakenAt(newest.takenAt)}）
            </Button>
          ) : (
            <Alert type="error" showIcon message={`在备份位置 ${info?.backupDir ?? ''} 没有找到完好的备份。可以从 U 盘上的备份或交接包恢复，或把数据文件交给维护人员检查。`} />
          )
        }
      />
      {newest && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          这份备份包含：{countsText(newest.counts)}。备份之后录入的内容需要重新补录。
        </Typography.Paragraph>
      )}
      <Card title="全部备份" size="small" style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          loading={backups.isPending}
          dataSource={backups.data ?? []}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          locale={{ emptyText: '没有备份' }}
          columns={[
            { title: '备份时间', key: 'takenAt', render: (_value, item) => formatTakenAt(item.takenAt) },
            { title: '原因', key: 'reason', render: (_value, item) => BACKUP_REASON_LABELS[item.reason] },
            { title: '内容', key: 'counts', render: (_value, item) => countsText(item.counts) },
            { title: '大小', key: 'size', render: (_value, item) => formatFileSize(item.sizeBytes) },
            { title: '状态', key: 'status', render: (_value, item) => <StatusTag status={item.status} problem={item.problem} /> },
            {
              title: '操作',
              key: 'actions',
              render: (_value, item) => (
                <Button type="link" size="small" disabled={item.status === 'damaged'} onClick={() => setRestoring({ kind: 'backup', id: item.id })}>
                  恢复
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title="其他恢复方式" size="small" style={{ marginTop: 16 }}>
        <Form form={form} layout="inline" requiredMark={false} onFinish={({ path }) => setRestoring({ kind: 'path', path })} style={{ marginBottom: 12 }}>
          <Form.Item name="path" label="备份文件夹或数据文件的位置" rules={[{ required: true, message: '请填写位置' }]} style={{ flex: 1 }}>
            <Input placeholder="如 E:\支部台账备份\2026-11-22_100000_daily" />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">检查并恢复</Button>
          </Form.Item>
        </Form>
        <Space>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            导入交接包
          </Button>
        </Space>
      </Card>
      <RestoreModal source={restoring} onClose={() => setRestoring(null)} damagedStart />
      <ImportHandoverModal open={importing} onClose={() => setImporting(false)} empty />
    </div>
  );
}
