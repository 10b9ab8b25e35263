import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, DatePicker, Empty, Input, InputNumber, Popconfirm, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AnnualPlan } from '../../../../shared/contract/plans';
import { describeThemedDay, WEEKDAY_LABELS, type PlanItem, type ThemedDay } from '../../../../shared/domain/annualPlan';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { linkHref } from '../../../../shared/domain/homeAttention';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '../../../../shared/domain/meetingTypes';
import { PLAN_ITEM_STATUS_LABELS, planRecordLink, type PlanItemProgress, type PlanItemStatus } from '../../../../shared/domain/planProgress';
import { useGroupList } from '../../api/organization';
import { useDraftPlan, useExportPlan, usePlan, useSavePlan } from '../../api/plans';
import { DATE_INPUT_FORMATS } from '../../lib/forms';
import { useSaveGenerated } from '../../lib/useSaveGenerated';

/**
 * Rows carry a key of their own (dates and topics change while editing) and, for saved items, their
 * place in the saved plan: its status against the records is read from the (refreshed) plan by it. A
 * row whose date, types or 党小组 were edited loses it until saved.
 */
type Row = PlanItem & { key: number; origin?: number };

const NTH_OPTIONS = [
  { value: 1, label: '第一个' },
  { value: 2, label: '第二个' },
  { value: 3, label: '第三个' },
  { value: 4, label: '第四个' },
  { value: -1, label: '最后一个' },
];
const WEEKDAY_OPTIONS = WEEKDAY_LABELS.slice(1).map((label, index) => ({ value: index + 1, label }));
const TYPE_OPTIONS = MEETING_TYPES.map((type) => ({ value: type, label: MEETING_TYPE_LABELS[type] }));

let nextKey = 1;
const withKeys = (items: readonly PlanItem[], saved = false): Row[] => items.map((item, index) => ({ ...item, key: nextKey++, origin: saved ? index : undefined }));
const withoutKeys = (rows: readonly Row[]): PlanItem[] => rows.map(({ key: _key, origin: _origin, ...item }) => item);

const STATUS_COLORS: Record<PlanItemStatus, string> = { held: 'success', upcoming: 'default', due: 'warning', missed: 'error' };

/** 已开展 with a link to its record, or the status and 登记 (a new record filled from the item). */
function PlanItemStatusCell({ row, progress }: { row: Row; progress: PlanItemProgress | undefined }) {
  // A draft (or an edited row) is matched against the records once saved; one quiet dash, not a sentence on every row.
  if (!progress) return <Typography.Text type="secondary" title="保存计划后显示开展情况">—</Typography.Text>;
  const missing = progress.status !== 'held' && progress.record ? progress.missingTypes.map((type) => MEETING_TYPE_LABELS[type]).join('、') : null;
  return (
    <Space direction="vertical" size={2} data-testid="plan-item-status">
      <Tag color={STATUS_COLORS[progress.status]}>{PLAN_ITEM_STATUS_LABELS[progress.status]}</Tag>
      {progress.record && (
        <Link to={`/meetings/${progress.record.id}`} title={progress.record.topic}>
          {formatChineseDate(progress.record.heldOn).replace(/^\d+年/, '')}记录 ›
        </Link>
      )}
      {missing && <Typography.Text type="secondary">未登记：{missing}</Typography.Text>}
      {progress.status !== 'held' && (
        <Link to={linkHref(planRecordLink(row, progress.missingTypes))} aria-label={`登记：${row.topic}`}>
          登记
        </Link>
      )}
    </Space>
  );
}

/** 主题党日 fixed day: 每月几日 or 每月第几个星期几. */
function ThemedDayControl({ value, onChange }: { value: ThemedDay; onChange: (value: ThemedDay) => void }) {
  return (
    <Space size={6} wrap>
      <span>主题党日固定在</span>
      <Select<ThemedDay['kind']>
        aria-label="主题党日固定方式"
        value={value.kind}
        style={{ width: 176 }}
        onChange={(kind) => onChange(kind === 'dayOfMonth' ? { kind, day: 25 } : { kind, nth: -1, weekday: 5 })}
        options={[
          { value: 'dayOfMonth', label: '每月几日' },
          { value: 'weekdayOfMonth', label: '每月第几个星期几' },
        ]}
      />
      {value.kind === 'dayOfMonth' ? (
        <InputNumber aria-label="每月几日" min={1} max={28} precision={0} value={value.day} addonAfter="日" style={{ width: 110 }} onChange={(day) => day && onChange({ kind: 'dayOfMonth', day })} />
      ) : (
        <>
          <Select aria-label="第几个" value={value.nth} options={NTH_OPTIONS} style={{ width: 110 }} onChange={(nth) => onChange({ ...value, nth })} />
          <Select aria-label="星期几" value={value.weekday} options={WEEKDAY_OPTIONS} style={{ width: 100 }} onChange={(weekday) => onChange({ ...value, weekday })} />
        </>
      )}
    </Space>
  );
}

/** 年度计划 (#/meetings/plan?year=2027): a draft from the rules in force, edited here, saved, exported to Word. */
export function PlanPage() {
  const [params, setParams] = useSearchParams();
  const currentYear = new Date().getFullYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= currentYear - 3 && asked <= currentYear + 1 ? asked : currentYear;
  const plan = usePlan(year);
  if (plan.isError) return <Alert type="error" showIcon message="无法读取年度计划" description={plan.error.message} />;
  if (!plan.data) return <Card loading />;
  // A saved or newly loaded plan starts a fresh editor (edits not saved are asked about before leaving).
  return <PlanEditor key={`${year}-${plan.data.savedAt ?? 'new'}`} plan={plan.data} onYear={(value) => setParams({ year: String(value) })} />;
}

function PlanEditor({ plan: data, onYear }: { plan: AnnualPlan; onYear: (year: number) => void }) {
  const { message, modal } = App.useApp();
  const saveGenerated = useSaveGenerated();
  const year = data.year;
  const currentYear = new Date().getFullYear();
  const years = [currentYear + 1, currentYear, currentYear - 1];
  const groups = useGroupList(true);
  const draft = useDraftPlan();
  const save = useSavePlan();
  const exportPlan = useExportPlan();
  const [rows, setRows] = useState<Row[]>(() => withKeys(data.items, data.savedAt !== null));
  const [themedDay, setThemedDay] = useState<ThemedDay>(data.themedDay);
  const [dirty, setDirty] = useState(false);

  const edit = (next: Row[]) => {
    setRows(next);
    setDirty(true);
  };
  // A new date, type or 党小组 changes what the item is matched against: its status shows again once saved.
  const update = (key: number, patch: Partial<PlanItem>) =>
    edit(rows.map((row) => (row.key === key ? { ...row, ...patch, origin: 'plannedOn' in patch || 'types' in patch || 'partyGroupId' in patch ? undefined : row.origin } : row)));

  const makeDraft = async () => {
    try {
      const result = await draft.mutateAsync({ year, themedDay });
      edit(withKeys(result.items));
      message.success(`已按“${result.packName}”生成 ${result.items.length} 项，请修改主题和日期后保存`);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const savePlan = async () => {
    try {
      const saved = await save.mutateAsync({ year, themedDay, items: withoutKeys(rows) });
      message.success(`已保存 ${year} 年度计划（${saved.items.length} 项）`);
    } catch (error) {
      modal.error({ title: '年度计划未保存', content: (error as Error).message, width: 560 });
    }
  };

  const exportWord = () => saveGenerated(() => exportPlan.mutateAsync({ year }));

  const switchYear = (value: number) => {
    if (!dirty) return onYear(value);
    modal.confirm({
      title: `${year} 年度计划有未保存的修改`,
      content: '切换年度将放弃这些修改。',
      okText: '放弃修改并切换',
      cancelText: '留在本页',
      onOk: () => onYear(value),
    });
  };

  const groupOptions = (groups.data ?? []).map((group) => ({ value: group.id, label: group.name }));

  const columns: ColumnsType<Row> = [
    {
      title: '月份',
      key: 'month',
      width: 64,
      render: (_value, row, index) => {
        const month = Number(row.plannedOn.slice(5, 7));
        const previous = index > 0 ? Number(rows[index - 1].plannedOn.slice(5, 7)) : null;
        return previous === month ? '' : <strong>{month}月</strong>;
      },
    },
    {
      title: '日期',
      key: 'plannedOn',
      width: 150,
      render: (_value, row) => (
        <DatePicker
          aria-label="日期"
          size="small"
          allowClear={false}
          format={DATE_INPUT_FORMATS}
          value={dayjs(row.plannedOn)}
          minDate={dayjs(`${year}-01-01`)}
          maxDate={dayjs(`${year}-12-31`)}
          onChange={(value) => value && update(row.key, { plannedOn: value.format('YYYY-MM-DD') })}
        />
      ),
    },
    {
      title: '类型',
      key: 'types',
      width: 280,
      render: (_value, row) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Select<MeetingType[]>
            aria-label="类型"
            mode="multiple"
            size="small"
            value={row.types}
            options={TYPE_OPTIONS}
            style={{ width: '100%' }}
            status={row.types.length ? undefined : 'error'}
            onChange={(types) => update(row.key, { types, partyGroupId: types.includes('groupMeeting') ? row.partyGroupId : null })}
          />
          {row.types.includes('groupMeeting') && (
            <Select
              aria-label="党小组"
              size="small"
              placeholder="选择党小组"
              value={row.partyGroupId ?? undefined}
              options={groupOptions}
              style={{ width: '100%' }}
              onChange={(partyGroupId: number) => update(row.key, { partyGroupId })}
            />
          )}
        </Space>
      ),
    },
    {
      title: '主题',
      key: 'topic',
      render: (_value, row) => (
        <Input.TextArea
          aria-label="主题"
          size="small"
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={200}
          value={row.topic}
          status={row.topic.trim() ? undefined : 'error'}
          onChange={(event) => update(row.key, { topic: event.target.value })}
        />
      ),
    },
    {
      title: '负责人',
      key: 'owner',
      width: 110,
      render: (_value, row) => <Input aria-label="负责人" size="small" maxLength={40} value={row.owner} onChange={(event) => update(row.key, { owner: event.target.value })} />,
    },
    {
      title: '开展情况',
      key: 'status',
      width: 118,
      render: (_value, row) => <PlanItemStatusCell row={row} progress={row.origin === undefined ? undefined : data.progress[row.origin]} />,
    },
    {
      title: '',
      key: 'delete',
      width: 44,
      render: (_value, row) => (
        <Tooltip title="删除这一项">
          <Button type="text" size="small" icon={<DeleteOutlined />} aria-label="删除这一项" onClick={() => edit(rows.filter((item) => item.key !== row.key))} />
        </Tooltip>
      ),
    },
  ];

  const addRow = () => {
    const last = rows.at(-1)?.plannedOn ?? `${year}-01-01`;
    edit([...rows, { key: nextKey++, plannedOn: last, types: ['themedPartyDay'], partyGroupId: null, topic: '', owner: '' }]);
  };

  return (
    <div>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to={`/meetings?year=${year}`}>组织生活</Link> }, { title: '年度计划' }]} />
      <div className="page-title">
        <Typography.Title level={4}>{year}年度组织生活计划</Typography.Title>
        <Segmented<number> aria-label="年度" value={year} onChange={switchYear} options={years.map((value) => ({ value, label: `${value}年` }))} />
      </div>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
          <ThemedDayControl
            value={themedDay}
            onChange={(value) => {
              setThemedDay(value);
              setDirty(true);
            }}
          />
          <Space wrap>
            {rows.length > 0 ? (
              <Popconfirm title="重新生成草稿？" description="将按规则重新排出全年事项，替换下表中的全部内容。" okText="重新生成" cancelText="取消" onConfirm={makeDraft}>
                <Button loading={draft.isPending}>重新生成草稿</Button>
              </Popconfirm>
            ) : (
              <Button onClick={makeDraft} loading={draft.isPending}>
                按规则生成草稿
              </Button>
            )}
            <Button type="primary" onClick={savePlan} loading={save.isPending} disabled={!dirty}>
              保存计划
            </Button>
            <Tooltip title={dirty ? '请先保存计划' : data.savedAt ? undefined : '计划还没有保存'}>
              <Button onClick={exportWord} loading={exportPlan.isPending} disabled={dirty || !data.savedAt}>
                导出 Word
              </Button>
            </Tooltip>
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          草稿按“{data.packName}”的规则排出：主题党日{describeThemedDay(themedDay).replace(/^每月/, '每月的')}，需要开的会尽量合在同一天；支委会提前一周，党小组会提前十天，遇周末提前到周五。可直接修改日期、类型、主题和负责人。
          {dirty && <Tag color="orange" style={{ marginLeft: 8 }}>有未保存的修改</Tag>}
          {!dirty && data.savedAt && <Tag color="green" style={{ marginLeft: 8 }}>已保存</Tag>}
        </Typography.Paragraph>
        {rows.length === 0 ? (
          <Empty description={`还没有 ${year} 年度计划。点“按规则生成草稿”，按所选规则和主题党日排出全年事项。`} />
        ) : (
          <Table<Row> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} data-testid="plan-table" />
        )}
        <Button icon={<PlusOutlined />} type="dashed" onClick={addRow} style={{ marginTop: 12 }}>
          添加事项
        </Button>
      </Card>
    </div>
  );
}
