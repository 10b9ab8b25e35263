import { Alert, Button, Card, Empty, Popover, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDaysRemaining } from '../../../../shared/domain/compliance';
import {
  buildComplianceMatrix,
  MONTHS,
  newRecordTarget,
  rowLabel,
  shortDate,
  skippedText,
  summaryText,
  yearSummaryText,
  type ComplianceMatrix,
  type MatrixCell,
  type MatrixRow,
  type NewRecordTarget,
} from '../../../../shared/domain/complianceMatrix';
import { todayIso } from '../../../../shared/domain/dates';
import { useComplianceYear } from '../../api/complianceMatrix';
import { useMeetings } from '../../api/meetings';
import { formatDate } from '../../lib/format';
import { ComplianceExportButtons } from './ComplianceExportButtons';
import './compliance.css';

/** The years offered: this one and the four before it. */
const YEARS_SHOWN = 5;
/** The year last looked at, so coming back from a record (menu or back) shows the same year. */
const YEAR_KEY = 'branch-ledger.compliance.year';

/** The year from the address, else the one last viewed this session, else this year. */
function useYear(currentYear: number): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const valid = (value: number) => Number.isInteger(value) && value >= 1921 && value <= currentYear;
  const asked = Number(params.get('year'));
  const remembered = Number(sessionStorage.getItem(YEAR_KEY));
  const year = params.has('year') && valid(asked) ? asked : valid(remembered) ? remembered : currentYear;
  useEffect(() => sessionStorage.setItem(YEAR_KEY, String(year)), [year]);
  return [year, (next) => setParams({ year: String(next) }, { replace: true })];
}

/** 落实情况 (#/compliance?year=2025): each obligation per month of a year — done, due, overdue — and the records. */
export function ComplianceMatrixPage() {
  const currentYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useYear(currentYear);
  const report = useComplianceYear(year);
  const meetings = useMeetings({ year });
  const years = Array.from({ length: YEARS_SHOWN }, (_, index) => currentYear - index);
  if (!years.includes(year)) years.push(year);

  const ready = report.data && meetings.data && !meetings.isPlaceholderData && report.data.year === year;
  const matrix = useMemo(
    () => (ready ? buildComplianceMatrix(report.data!, meetings.data!.map(({ id, heldOn, topic }) => ({ id, heldOn, topic }))) : null),
    [ready, report.data, meetings.data],
  );
  const error = report.error ?? meetings.error;

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>{year}年落实情况</Typography.Title>
        <ComplianceExportButtons year={year} />
      </div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<number> aria-label="年度" value={year} onChange={setYear} options={years.map((value) => ({ value, label: `${value}年` }))} />
      </Space>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Card loading={!matrix && !error}>{matrix && <MatrixView matrix={matrix} />}</Card>
    </div>
  );
}

const STATUS_CLASS: Record<MatrixCell['period']['status'], string> = {
  done: 'cm-done',
  due: 'cm-due',
  overdue: 'cm-overdue',
  upcoming: 'cm-upcoming',
  notApplicable: 'cm-na',
};

/** /meetings/new?type=committeeMeeting&group=2&date=2025-08-31 — the editor fills these into a blank record. */
function newRecordPath(target: NewRecordTarget): string {
  const params = new URLSearchParams({ type: target.type, date: target.heldOn });
  if (target.groupId !== null) params.set('group', String(target.groupId));
  return `/meetings/new?${params.toString()}`;
}

function MatrixView({ matrix }: { matrix: ComplianceMatrix }) {
  const navigate = useNavigate();
  /** The cell whose list of records is open (several records, or records and a shortfall). */
  const [openCell, setOpenCell] = useState<string | null>(null);

  if (matrix.rows.length === 0) return <Empty description="当前规则下本年度没有需要统计的项目。" />;

  /** Opens a cell: its one record, the list of several, or a new record pre-filled for a missing one. */
  const activate = (row: MatrixRow, cell: MatrixCell, key: string) => {
    const target = newRecordTarget(row, cell, matrix.asOf);
    if (cell.records.length === 1 && !target) navigate(`/meetings/${cell.records[0].id}`);
    else if (cell.records.length > 0) setOpenCell(key);
    else if (target) navigate(newRecordPath(target));
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <YearSummary matrix={matrix} />
      <Legend />
      <div className="cm-wrap">
        <table className="cm" aria-label={`${matrix.year}年落实情况`}>
          <colgroup>
            <col className="cm-col-label" />
            <col className="cm-col-requirement" />
            {MONTHS.map((month) => (
              <col key={month} />
            ))}
            <col className="cm-col-summary" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">要求</th>
              {MONTHS.map((month) => (
                <th key={month} scope="col">
                  {month}月
                </th>
              ))}
              <th scope="col">完成</th>
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row, rowIndex) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.label}
                  {row.groupName && <span className="cm-group"> · {row.groupName}</span>}
                </th>
                <td className="cm-requirement">
                  {row.requirement}
                  {row.usualWindow && <div className="cm-window">{row.usualWindow}</div>}
                </td>
                {row.cells.map((cell) => {
                  const key = `${row.key}@${cell.firstMonth}`;
                  return (
                    <MatrixCellView
                      key={key}
                      row={row}
                      rowIndex={rowIndex}
                      cell={cell}
                      asOf={matrix.asOf}
                      open={openCell === key}
                      onOpenChange={(open) => setOpenCell(open ? key : null)}
                      onActivate={() => activate(row, cell, key)}
                      onNew={(target) => navigate(newRecordPath(target))}
                    />
                  );
                })}
                <td className={`cm-summary${row.summary.done === row.summary.total ? ' cm-summary-full' : ''}`}>
                  <Tooltip title={`已完成 ${row.summary.done} 项，共 ${row.summary.total} 项${row.summary.overdue ? `，未完成 ${row.summary.overdue} 项` : ''}`}>
                    <span aria-label={`${rowLabel(row)}完成 ${summaryText(row.summary)}`}>{summaryText(row.summary)}</span>
                  </Tooltip>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {matrix.skipped.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {matrix.skipped.map((rule) => (
            <div key={rule.ruleId}>
              {skippedText(rule)}
              {rule.reason.includes('谈心谈话覆盖表') ? (
                <>
                  {' '}
                  <Link to={`/meetings/talks?year=${matrix.year}`}>查看谈心谈话覆盖情况</Link>
                </>
              ) : null}
            </div>
          ))}
        </Typography.Text>
      )}
    </Space>
  );
}

function YearSummary({ matrix }: { matrix: ComplianceMatrix }) {
  const { done, total, overdue, due } = matrix.summary;
  return (
    <Space wrap size={[8, 8]} data-testid="compliance-summary">
      <Tag color={done === total ? 'green' : 'default'} style={{ fontSize: 14, padding: '2px 8px' }}>
        完成 {done}/{total}
      </Tag>
      {overdue > 0 && (
        <Tag color="red" style={{ fontSize: 14, padding: '2px 8px' }}>
          未完成 {overdue}
        </Tag>
      )}
      {due > 0 && (
        <Tag color="gold" style={{ fontSize: 14, padding: '2px 8px' }}>
          进行中 {due}
        </Tag>
      )}
      <Typography.Text type="secondary">
        {yearSummaryText(matrix)}。按截至 {formatDate(matrix.asOf)} 的记录统计。
      </Typography.Text>
    </Space>
  );
}

function Legend() {
  return (
    <Space size={16} wrap className="cm-legend">
      <span>
        <span className="cm-swatch cm-done" />
        已完成（格内为召开日期）
      </span>
      <span>
        <span className="cm-swatch cm-due" />
        进行中（本期尚未结束）
      </span>
      <span>
        <span className="cm-swatch cm-overdue" />
        未完成
      </span>
      <span>
        <span className="cm-swatch cm-upcoming" />
        尚未开始
      </span>
      <span>
        <span className="cm-swatch cm-na" />
        不适用
      </span>
      <span>
        <span className="cm-invalid">⚠</span> 未达到规定人数（已计入，请核实）
      </span>
      <span>点击或按 Enter 打开记录；未完成的格子可直接补录</span>
    </Space>
  );
}

interface CellProps {
  row: MatrixRow;
  rowIndex: number;
  cell: MatrixCell;
  asOf: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onActivate: () => void;
  onNew: (target: NewRecordTarget) => void;
}

/** What a cell shows under its dates: 未开展, 剩余 N 天, 差 N 次, 不适用. */
function statusLine(cell: MatrixCell): string | null {
  const { status, daysRemaining, count, minimum } = cell.period;
  const short = count > 0 && count < minimum ? `差 ${minimum - count} 次` : null;
  switch (status) {
    case 'overdue':
      return short ?? '未开展';
    case 'due':
      return [short, formatDaysRemaining(daysRemaining!)].filter(Boolean).join('，');
    case 'notApplicable':
      return '不适用';
    default:
      return null;
  }
}

/** Arrow keys move between cells: left/right along the row, up/down to the cell covering the same month. */
function moveFocus(event: KeyboardEvent<HTMLTableCellElement>) {
  const here = event.currentTarget;
  const table = here.closest('table');
  if (!table) return;
  const rowIndex = Number(here.dataset.row);
  const month = Number(here.dataset.month);
  const span = Number(here.dataset.span);
  let next: HTMLElement | null = null;
  const covering = (row: number, at: number) =>
    [...table.querySelectorAll<HTMLElement>(`td[data-row="${row}"]`)].find((td) => Number(td.dataset.month) <= at && at < Number(td.dataset.month) + Number(td.dataset.span)) ?? null;
  if (event.key === 'ArrowRight') next = covering(rowIndex, month + span);
  else if (event.key === 'ArrowLeft') next = covering(rowIndex, month - 1);
  else if (event.key === 'ArrowDown') next = covering(rowIndex + 1, month);
  else if (event.key === 'ArrowUp') next = covering(rowIndex - 1, month);
  else return;
  event.preventDefault();
  next?.focus();
}

function MatrixCellView({ row, rowIndex, cell, asOf, open, onOpenChange, onActivate, onNew }: CellProps) {
  const { period } = cell;
  const target = newRecordTarget(row, cell, asOf);
  const actionable = cell.records.length > 0 || target !== null;
  const line = statusLine(cell);
  const hint = cell.records.length === 1 && !target ? '点击打开这条记录' : cell.records.length > 0 ? '点击查看记录' : target ? '点击补录（已填好类型和日期）' : null;

  const content: ReactNode = (
    <>
      {cell.records.length > 0 && (
        <span className="cm-dates">
          {cell.records.map((record, index) => (
            <span key={record.id}>
              {index > 0 && '、'}
              {shortDate(record.heldOn)}
              {record.invalid && (
                <span className="cm-invalid" aria-label="未达到规定人数">
                  ⚠
                </span>
              )}
            </span>
          ))}
        </span>
      )}
      {line && <span className="cm-line">{line}</span>}
    </>
  );

  const td = (
    <td
      colSpan={cell.span}
      className={`${STATUS_CLASS[period.status]}${actionable ? ' cm-actionable' : ''}`}
      tabIndex={0}
      data-row={rowIndex}
      data-month={cell.firstMonth}
      data-span={cell.span}
      data-status={period.status}
      aria-label={`${rowLabel(row)} ${period.period.label}：${period.explanation}`}
      onClick={actionable ? onActivate : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          if (actionable) onActivate();
        } else moveFocus(event);
      }}
    >
      {content}
    </td>
  );

  const tooltip = (
    <Tooltip
      open={open ? false : undefined}
      trigger={['hover', 'focus']}
      title={
        <>
          {period.explanation}
          {hint && <div className="cm-tooltip-hint">{hint}</div>}
        </>
      }
    >
      {td}
    </Tooltip>
  );

  if (cell.records.length === 0) return tooltip;
  return (
    <Popover
      open={open}
      onOpenChange={(next) => !next && onOpenChange(false)}
      trigger="click"
      title={`${rowLabel(row)} · ${period.period.label}`}
      content={
        <div className="cm-popover" role="list">
          {cell.records.map((record) => (
            <div key={record.id} role="listitem">
              <Link to={`/meetings/${record.id}`}>
                {formatDate(record.heldOn)} {record.topic}
              </Link>
              {record.invalid && <Typography.Text type="warning"> ⚠ 未达到规定人数</Typography.Text>}
            </div>
          ))}
          {target && (
            <div className="cm-popover-new">
              <Typography.Text type="danger">{period.explanation}</Typography.Text>{' '}
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onNew(target)}>
                补录一条
              </Button>
            </div>
          )}
        </div>
      }
    >
      {tooltip}
    </Popover>
  );
}
