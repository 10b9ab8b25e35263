import { FileWordOutlined, FolderOpenOutlined, DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, List, Progress, Radio, Result, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PackageCheck, PackageFileResult, PackageJobStatus } from '../../../../shared/contract/package';
import { formatFileSize } from '../../../../shared/domain/attachments';
import { todayIso } from '../../../../shared/domain/dates';
import { DOCUMENT_PRESETS, DOCUMENT_PRESET_LABELS, type DocumentPreset } from '../../../../shared/domain/documentPresets';
import { linkHref } from '../../../../shared/domain/homeAttention';
import { blockingFindings, type PackageFindingKind } from '../../../../shared/domain/packageCheck';
import { hostMode } from '../../api/client';
import { useCancelPackage, useCheckPackage, useDownloadPackage, useOpenPackage, usePackageItems, usePackageJob, useStartPackage } from '../../api/package';
import { downloadBase64 } from '../../lib/download';

const KIND_LABELS: Record<PackageFindingKind, string> = { record: '会议记录', obligation: '落实情况', assessment: '年度自评', rectification: '整改' };
/** What appears below the long settings form (findings, progress, result) is brought into view. */
const scrollHere = (element: HTMLElement | null) => element?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });

const KIND_COLORS: Record<PackageFindingKind, string> = { record: 'orange', obligation: 'red', assessment: 'blue', rectification: 'purple' };

/** 迎检资料包 (/reports/package): choose the year and items, self-check, write with progress, open the 目录. */
export function PackagePage() {
  const { message } = App.useApp();
  const browser = hostMode() === 'browser';
  const currentYear = Number(todayIso().slice(0, 4));
  const years = Array.from({ length: 5 }, (_, index) => currentYear - index);
  const registry = usePackageItems();
  const [year, setYear] = useState(currentYear - 1);
  const [preset, setPreset] = useState<DocumentPreset>('gbt9704');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [zip, setZip] = useState(browser);
  const [check, setCheck] = useState<PackageCheck | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const runCheck = useCheckPackage();
  const start = useStartPackage();
  const cancel = useCancelPackage();
  const open = useOpenPackage();
  const download = useDownloadPackage();
  const job = usePackageJob(jobId);
  const status: PackageJobStatus | undefined = job.data;
  const running = status?.state === 'running' || start.isPending;

  const items = registry.data?.items ?? [];
  const selected = chosen ?? items.map((item) => item.id);
  const folder = target ?? registry.data?.defaultTarget ?? '';

  async function begin(acceptFindings: boolean) {
    setStartError(null);
    try {
      const started = await start.mutateAsync({ year, preset, items: selected, target: folder, zip, acceptFindings });
      setJobId(started.jobId);
    } catch (error) {
      setStartError((error as Error).message);
    }
  }

  async function checkThenStart() {
    setStartError(null);
    setJobId(null);
    try {
      const result = await runCheck.mutateAsync({ year });
      setCheck(result);
      if (!result.emptyNotice && blockingFindings(result.findings).length === 0) await begin(false);
    } catch (error) {
      setStartError((error as Error).message);
    }
  }

  async function openContents() {
    if (!status?.result) return;
    try {
      if (!browser) {
        const opened = await open.mutateAsync({ jobId: status.jobId, what: 'contents' });
        if (opened.opened) return;
      }
      const file = await download.mutateAsync({ jobId: status.jobId, what: 'contents' });
      downloadBase64(file.fileName, file.contentBase64);
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  async function downloadZip() {
    if (!status?.result) return;
    try {
      const file = await download.mutateAsync({ jobId: status.jobId, what: 'zip' });
      downloadBase64(file.fileName, file.contentBase64);
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  const blocking = check ? blockingFindings(check.findings) : [];
  const percent = status && status.total > 0 ? Math.round((status.current / status.total) * 100) : 0;

  return (
    <div className="package-page">
      <div className="page-title">
        <Typography.Title level={4}>迎检资料包</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">
        一次生成全年的迎检材料：编号的 Word、Excel 文件、按记录分文件夹的附件和一份目录（可同时生成 .zip 压缩包）。生成前先自查，有问题可以先修改，也可以忽略后继续。
      </Typography.Paragraph>
      <Card title="生成设置" style={{ marginBottom: 16 }}>
        <Form layout="vertical" disabled={running}>
          <Form.Item label="年度">
            <Segmented<number>
              aria-label="年度"
              value={year}
              onChange={(value) => {
                // Another year needs its own self-check.
                setYear(value);
                setCheck(null);
                setJobId(null);
              }} options={years.map((value) => ({ value, label: `${value}年` }))} />
          </Form.Item>
          <Form.Item label="版式（Word 文件）">
            <Radio.Group value={preset} onChange={(event) => setPreset(event.target.value as DocumentPreset)} options={DOCUMENT_PRESETS.map((value) => ({ value, label: DOCUMENT_PRESET_LABELS[value] }))} />
          </Form.Item>
          <Form.Item label={`包含的材料（已选 ${selected.length} 项）`}>
            <Checkbox.Group value={selected} onChange={(values) => setChosen(values as string[])} style={{ display: 'grid', gap: 6 }} aria-label="包含的材料">
              {items.map((item) => (
                <Checkbox key={item.id} value={item.id}>
                  <span>{item.name}</span>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {item.description}
                  </Typography.Text>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Form.Item label="保存位置" extra={`将保存为“${folder}${folder.includes('\\') ? '\\' : '/'}${year}年迎检资料包”；已有同名资料包时不会覆盖，自动命名为“${year}年迎检资料包（2）”。`}>
            <Input aria-label="保存位置" value={folder} onChange={(event) => setTarget(event.target.value)} style={{ maxWidth: 640 }} />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={zip} onChange={(event) => setZip(event.target.checked)}>
              同时生成 .zip 压缩包（便于用 U 盘或网络报送）
            </Checkbox>
          </Form.Item>
          <Space>
            <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => void checkThenStart()} loading={runCheck.isPending || start.isPending} disabled={running || selected.length === 0 || !folder.trim()}>
              自查并生成
            </Button>
          </Space>
        </Form>
      </Card>

      {startError && (
        <div ref={scrollHere}>
          <Alert type="error" showIcon style={{ marginBottom: 16 }} message="未生成" description={startError} />
        </div>
      )}
      {check?.emptyNotice && (
        <div ref={scrollHere}>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={check.emptyNotice} />
        </div>
      )}

      {check && !check.emptyNotice && check.findings.length > 0 && !jobId && (
        <Card
          ref={scrollHere}
          title={blocking.length > 0 ? `自查发现 ${blocking.length} 个问题` : '自查提示'}
          style={{ marginBottom: 16 }}
          extra={
            blocking.length > 0 && (
              <Space>
                <Button onClick={() => void checkThenStart()} loading={runCheck.isPending}>
                  修改后重新自查
                </Button>
                <Button type="primary" danger onClick={() => void begin(true)} loading={start.isPending}>
                  忽略并继续
                </Button>
              </Space>
            )
          }
        >
          <Space wrap style={{ marginBottom: 8 }}>
            {(Object.keys(KIND_LABELS) as PackageFindingKind[]).map((kind) => {
              const count = check.findings.filter((finding) => finding.kind === kind).length;
              return count > 0 ? (
                <Tag key={kind} color={KIND_COLORS[kind]}>
                  {KIND_LABELS[kind]} {count} 项
                </Tag>
              ) : null;
            })}
          </Space>
          <List
            size="small"
            pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true, showSizeChanger: false }}
            dataSource={check.findings}
            renderItem={(finding) => (
              <List.Item key={finding.key} actions={[<Link key="fix" to={linkHref(finding.link)}>去修改</Link>]}>
                <Space>
                  <Tag color={KIND_COLORS[finding.kind]}>{KIND_LABELS[finding.kind]}</Tag>
                  <span>{finding.message}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      {status && status.state === 'running' && (
        <Card ref={scrollHere} title="正在生成" style={{ marginBottom: 16 }}>
          <Progress percent={percent} status="active" aria-label="生成进度" />
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text aria-live="polite">
              {status.fileName ? `正在写入 ${status.fileName}（${Math.min(status.current + 1, status.total)}/${status.total}）` : status.message}
            </Typography.Text>
            <Button danger onClick={() => void cancel.mutateAsync({ jobId: status.jobId }).then(() => job.refetch())} loading={cancel.isPending}>
              取消
            </Button>
          </Space>
        </Card>
      )}
      {status?.state === 'cancelled' && (
        <div ref={scrollHere}>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={status.message} />
        </div>
      )}
      {status?.state === 'failed' && (
        <div ref={scrollHere}>
          <Alert type="error" showIcon style={{ marginBottom: 16 }} message="生成失败" description={status.message} />
        </div>
      )}
      {status?.state === 'done' && status.result && (
        <Card ref={scrollHere} style={{ marginBottom: 16 }}>
          <Result
            status="success"
            title={status.message}
            subTitle={
              <span>
                保存在 <Typography.Text copyable>{status.result.folder}</Typography.Text>
                {status.result.zipPath && (
                  <>
                    ，压缩包 <Typography.Text copyable>{status.result.zipPath}</Typography.Text>
                  </>
                )}
              </span>
            }
            extra={[
              <Button key="contents" type="primary" icon={<FileWordOutlined />} onClick={() => void openContents()} loading={open.isPending || download.isPending}>
                {browser ? '下载目录' : '打开目录'}
              </Button>,
              !browser && (
                <Button key="folder" icon={<FolderOpenOutlined />} onClick={() => void open.mutateAsync({ jobId: status.jobId, what: 'folder' })}>
                  打开文件夹
                </Button>
              ),
              browser && status.result.zipPath && (
                <Button key="zip" icon={<DownloadOutlined />} onClick={() => void downloadZip()}>
                  下载 .zip
                </Button>
              ),
            ]}
          />
          {status.result.fontNotes.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="字体替换" description={status.result.fontNotes.join('')} />}
          {status.result.skipped.length > 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`未包含：${status.result.skipped.join('；')}。`} />
          )}
          <Table<PackageFileResult>
            size="small"
            rowKey="path"
            pagination={false}
            dataSource={status.result.files}
            columns={[
              { title: '文件', dataIndex: 'path' },
              { title: '页数/行数', key: 'count', width: 120, render: (_, file) => (file.count === null ? '—' : `${file.count}${file.unit ?? ''}`) },
              { title: '大小', key: 'size', width: 120, align: 'right', render: (_, file) => formatFileSize(file.size) },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1} />
                <Table.Summary.Cell index={2} align="right">
                  {formatFileSize(status.result!.totalBytes)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Card>
      )}
    </div>
  );
}
