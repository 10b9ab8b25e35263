import { FileExcelOutlined, FileWordOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DOCUMENT_PRESET_LABELS, type DocumentPreset } from '../../../../shared/domain/documentPresets';
import { todayIso } from '../../../../shared/domain/dates';
import { RpcError } from '../../api/client';
import { downloadBase64 } from '../../lib/download';
import { REPORT_GROUP_TITLES, REPORTS, reportTitle, type ReportDescriptor, type ReportGroup } from './reportCatalog';

const FORMAT_TAGS: Record<ReportDescriptor['format'], { label: string; color: string; icon: React.ReactNode }> = {
  xlsx: { label: 'Excel', color: 'green', icon: <FileExcelOutlined /> },
  docx: { label: 'Word', color: 'blue', icon: <FileWordOutlined /> },
  zip: { label: 'ZIP', color: 'purple', icon: <FolderOpenOutlined /> },
  folder: { label: '文件夹', color: 'purple', icon: <FolderOpenOutlined /> },
};

/** Years offered as one click each: this year and the four before it. */
const YEARS_SHOWN = 5;

/**
 * The year reports are usually for: this year, except in January–March, when last year's 台账 are
 * what the superior committee asks for.
 */
function defaultYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) <= 3 ? year - 1 : year;
}

/**
 * 报表 (#/reports): every Excel and Word output of the app in one place, for the year picked, one
 * 导出 button each. The list is data (reportCatalog.ts).
 */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const currentYear = Number(today.slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 1921 && asked <= currentYear ? asked : defaultYear(today);
  const years = Array.from({ length: YEARS_SHOWN }, (_, index) => currentYear - index);
  if (!years.includes(year)) years.push(year);
  const [preset, setPreset] = useState<DocumentPreset>('gbt9704');
  const [running, setRunning] = useState<string | null>(null);
  const { message } = App.useApp();

  const run = async (report: ReportDescriptor) => {
    if (!report.run) return;
    setRunning(report.key);
    try {
      const file = await report.run({ year, preset });
      downloadBase64(file.fileName, file.contentBase64);
      message.success(`已导出：${file.fileName}${typeof file.rowCount === 'number' ? `（${file.rowCount} 行）` : ''}`);
      if (file.fontNotes?.length) message.warning({ content: file.fontNotes.join(''), duration: 10 });
    } catch (error) {
      // Nothing to list for the year (NOT_FOUND) is a notice, not a failure.
      const notice = error instanceof RpcError && error.code === 'NOT_FOUND';
      message[notice ? 'warning' : 'error']({ content: (error as Error).message, duration: 8 });
    } finally {
      setRunning(null);
    }
  };

  const columns: ColumnsType<ReportDescriptor> = [
    {
      title: '报表',
      key: 'title',
      render: (_value, report) => (
        <div>
          <Typography.Text strong>{reportTitle(report, year)}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{report.description}</Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '格式',
      key: 'format',
      width: 96,
      align: 'center',
      render: (_value, report) => {
        const tag = FORMAT_TAGS[report.format];
        return (
          <Tag color={tag.color} icon={tag.icon}>
            {tag.label}
          </Tag>
        );
      },
    },
    {
      title: '操作',
      key: 'action',
      width: 190,
      render: (_value, report) =>
        report.run ? (
          <Button
            type="primary"
            ghost
            aria-label={`导出${report.title}${report.format === 'docx' ? '（Word）' : ''}`}
            loading={running === report.key}
            disabled={running !== null && running !== report.key}
            onClick={() => void run(report)}
          >
            导出
          </Button>
        ) : report.link ? (
          <Link to={report.link.to({ year, preset })}>{report.link.label}</Link>
        ) : null,
    },
  ];

  const groups = (Object.keys(REPORT_GROUP_TITLES) as ReportGroup[]).filter((group) => REPORTS.some((report) => report.group === group));

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>报表</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">
        所有台账和文书都由已录入的记录生成，选好年度后点“导出”。Excel 台账为 A4 横向，每页重复表头并有页码，可直接打印。
      </Typography.Paragraph>
      <Space wrap size={24} style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>年度</Typography.Text>
          <Segmented<number> aria-label="年度" value={year} onChange={(value) => setParams({ year: String(value) })} options={years.map((value) => ({ value, label: `${value}年` }))} />
        </Space>
        <Space>
          <Typography.Text>Word 版式</Typography.Text>
          <Segmented<DocumentPreset>
            aria-label="Word 版式"
            value={preset}
            onChange={setPreset}
            options={(Object.keys(DOCUMENT_PRESET_LABELS) as DocumentPreset[]).map((value) => ({ value, label: DOCUMENT_PRESET_LABELS[value] }))}
          />
        </Space>
      </Space>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {groups.map((group) => (
          <Card key={group} title={REPORT_GROUP_TITLES[group]} styles={{ body: { padding: 0 } }}>
            <Table<ReportDescriptor>
              rowKey="key"
              size="middle"
              pagination={false}
              columns={columns}
              dataSource={REPORTS.filter((report) => report.group === group)}
              onRow={(report) => ({ 'data-report': report.key }) as React.HTMLAttributes<HTMLElement>}
            />
          </Card>
        ))}
      </Space>
    </div>
  );
}
