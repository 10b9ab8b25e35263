import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Empty, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import type { ParticipationRow, ParticipationTotals } from '../../../../shared/contract/participation';
import { todayIso } from '../../../../shared/domain/dates';
import { ACT_MONTHS, DUES_NOT_RECORDED, REMIND_MONTHS, type AbsenceRun } from '../../../../shared/domain/participation';
import { useExportParticipation, useParticipationYear } from '../../api/participation';
import { formatDate } from '../../lib/format';
import { MonthLegend, MonthMark } from './MonthMark';
import './participation.css';
import { useSaveGenerated } from '../../lib/useSaveGenerated';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/** 2025年10月—2026年1月, or just 2026年3月. */
export function runSpan(run: AbsenceRun): string {
  return run.from === run.to ? monthLabel(run.from) : `${monthLabel(run.from)}—${monthLabel(run.to)}`;
}

/** 参加组织生活情况 (#/participation?year=2025): each member × month of a year, totals, runs, export. */
export function ParticipationPage() {
  const saveGenerated = useSaveGenerated();
  const [params, setParams] = useSearchParams();
  const currentYear = Number(todayIso().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 1921 && asked <= currentYear ? asked : currentYear;
  const sheet = useParticipationYear(year);
  const exportSheet = useExportParticipation();
  const years = Array.from({ length: 5 }, (_, index) => currentYear - index);

  const runExport = () => saveGenerated(() => exportSheet.mutateAsync({ year }), (file) => `已导出 ${file.rowCount} 名党员：${file.fileName}`);

  const data = sheet.data?.year === year ? sheet.data : undefined;
  const nothingYet = data !== undefined && data.totals.expected === 0;

  return (
    <div>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/members">党员花名册</Link> }, { title: '参加组织生活情况' }]} />
      <div className="page-title">
        <Typography.Title level={4}>{year}年党员参加组织生活情况</Typography.Title>
        <Space>
          <Link to={`/meetings?year=${year}`}>
            <Button>查看{year}年组织生活记录</Button>
          </Link>
          <Button icon={<FileExcelOutlined />} onClick={runExport} loading={exportSheet.isPending} disabled={!data || data.rows.length === 0}>
            导出 Excel
          </Button>
        </Space>
      </div>
      <Space style={{ marginBottom: 12 }} wrap size={16}>
        <Segmented<number> aria-label="年度" value={year} onChange={(value) => setParams({ year: String(value) })} options={years.map((value) => ({ value, label: `${value}年` }))} />
        <MonthLegend />
      </Space>
      <Alert
        style={{ marginBottom: 12 }}
        type="info"
        showIcon
        message={`${DUES_NOT_RECORDED}。`}
        description={`每月只要出席一次应参加的会议（或缺席、请假后补学）即为参加。连续未参加只计缺席的月份：请假和当月没有会议的月份不计入，也不中断；出席或补学即中断。连续 ${REMIND_MONTHS} 个月提醒，${ACT_MONTHS} 个月需要处理（无正当理由连续六个月不参加组织生活，按自行脱党处理）。`}
      />
      {sheet.isError && <Alert type="error" showIcon message={sheet.error.message} style={{ marginBottom: 12 }} />}
      <Card loading={!data && !sheet.isError} styles={{ body: { padding: 0 } }}>
        {data && data.rows.length === 0 && <Empty style={{ padding: 32 }} description={`${year}年本支部没有党员。`} />}
        {data && data.rows.length > 0 && (
          <>
            {nothingYet && (
              <Alert
                type="warning"
                showIcon
                banner
                message={
                  <span>
                    {year}年还没有组织生活记录，各月显示为“·”。
                    {year === currentYear && (
                      <Button type="link" size="small" onClick={() => setParams({ year: String(year - 1) })}>
                        查看{year - 1}年
                      </Button>
                    )}
                  </span>
                }
              />
            )}
            <ParticipationTable rows={data.rows} totals={data.totals} currentYear={year === currentYear} />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 12px' }}>
              按每次会议召开当日的应到人员计算（谈心谈话不计入），统计截至 {formatDate(data.asOf)}。点击姓名查看党员信息；指向各月符号可看应参加、出席、请假、缺席次数。
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </div>
  );
}

function RunCell({ row, currentYear }: { row: ParticipationRow; currentYear: boolean }) {
  const run = row.longestRun;
  if (!run) return <Typography.Text type="secondary">0</Typography.Text>;
  const open = currentYear && row.currentRun !== null && row.currentRun.from === run.from;
  const level = run.months >= ACT_MONTHS ? 'act' : run.months >= REMIND_MONTHS ? 'remind' : null;
  return (
    <Tooltip title={`${runSpan(run)}缺席 ${run.months} 个月${open ? '，至今未参加' : ''}`}>
      <span className={level ? `participation-run-${level}` : undefined}>
        {run.months}
        {open && <Typography.Text type="secondary"> 至今</Typography.Text>}
      </span>
    </Tooltip>
  );
}

function ParticipationTable({ rows, totals, currentYear }: { rows: ParticipationRow[]; totals: ParticipationTotals; currentYear: boolean }) {
  const months = rows[0].months.map((month) => month.month);
  const columns: ColumnsType<ParticipationRow> = [
    {
      title: '姓名',
      key: 'name',
      width: 112,
      fixed: 'left',
      render: (_value, row) => (
        <Space size={4}>
          <Link to={`/members/${row.memberId}`}>{row.name}</Link>
          {row.category === 'probationary' && <Tag color="orange" style={{ marginInlineEnd: 0, paddingInline: 3 }}>预备</Tag>}
          {!row.belongs && <Tag style={{ marginInlineEnd: 0, paddingInline: 3 }}>已离开</Tag>}
        </Space>
      ),
    },
    { title: '党小组', key: 'group', width: 100, ellipsis: { showTitle: true }, render: (_value, row) => row.partyGroupName ?? '—' },
    ...months.map((month, i) => ({
      title: `${Number(month.slice(5, 7))}月`,
      key: month,
      width: 40,
      align: 'center' as const,
      className: 'participation-month',
      render: (_value: unknown, row: ParticipationRow) => <MonthMark name={row.name} month={row.months[i]} />,
    })),
    { title: '应参加', key: 'expected', width: 60, align: 'center', render: (_value, row) => row.totals.expected },
    { title: '出席', key: 'present', width: 50, align: 'center', render: (_value, row) => row.totals.present },
    { title: '请假', key: 'leave', width: 50, align: 'center', render: (_value, row) => row.totals.leave },
    { title: '缺席', key: 'absent', width: 50, align: 'center', render: (_value, row) => (row.totals.absent > 0 ? <Typography.Text type="danger">{row.totals.absent}</Typography.Text> : 0) },
    { title: '补学', key: 'madeUp', width: 50, align: 'center', render: (_value, row) => row.totals.madeUp },
    { title: '参加率', key: 'rate', width: 66, align: 'center', render: (_value, row) => percent(row.totals.rate) },
    {
      title: (
        <Tooltip title="最长连续未参加的月数：只计缺席的月份，请假、无会议的月份不计入">
          最长连续
          <br />
          未参加月数
        </Tooltip>
      ),
      key: 'run',
      width: 84,
      align: 'center',
      render: (_value, row) => <RunCell row={row} currentYear={currentYear} />,
    },
  ];
  const width = columns.reduce((total, column) => total + Number(column.width ?? 0), 0);
  return (
    <Table<ParticipationRow>
      className="participation-grid"
      aria-label="参加组织生活情况"
      rowKey="memberId"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={rows}
      scroll={{ x: width }}
      sticky
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2} align="center">
              <strong>合计（{rows.length} 名）</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={12} />
            {[totals.expected, totals.present, totals.leave, totals.absent, totals.madeUp, percent(totals.rate)].map((value, i) => (
              <Table.Summary.Cell key={i} index={14 + i} align="center">
                <strong>{value}</strong>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={20} />
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
