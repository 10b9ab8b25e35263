import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  DIMENSION_KIND_LABELS,
  DIMENSION_KINDS,
  parseRubricTemplate,
  SCORING_TYPE_LABELS,
  SCORING_TYPES,
  type DimensionKind,
  type RubricIndicator,
  type RubricTemplate,
  type Scoring,
  type ScoringType,
} from '../../../../shared/domain/rubricTemplate';
import { RpcError } from '../../api/client';
import { useRubricTemplate, useSaveRubricTemplate } from '../../api/rubricTemplates';
import { StatusTag } from './StatusTag';

const halfDown = (value: number) => Math.floor(value * 2) / 2;

/** A sensible starting point when the secretary switches an indicator to another scoring type. */
function defaultScoring(type: ScoringType, maxPoints: number): Scoring {
  switch (type) {
    case 'yesNo':
      return { type };
    case 'countTarget':
      return { type, target: 12, proportional: true };
    case 'ratio':
      return { type, mode: 'linear' };
    case 'graded':
      return {
        type,
        levels: [
          { label: '好', points: maxPoints },
          { label: '较好', points: halfDown(maxPoints * 0.8) },
          { label: '一般', points: halfDown(maxPoints * 0.6) },
          { label: '差', points: 0 },
        ],
      };
    case 'deduction':
      return { type, perOccurrence: 1, floor: 0 };
    case 'bonus':
      return { type, perItem: maxPoints, cap: maxPoints };
  }
}

const levelsText = (levels: { label: string; points: number }[]) => levels.map((level) => `${level.label} ${level.points}`).join('；');

/** “好 10；较好 8；差 0” → levels, or null when a part is not “名称 分数”. */
function parseLevels(text: string): { label: string; points: number }[] | null {
  const parts = text.split(/[；;，,、\n]+/).map((part) => part.trim()).filter(Boolean);
  const levels = parts.map((part) => /^(.+?)\s*(\d+(?:\.\d+)?)\s*分?$/.exec(part));
  if (!levels.length || levels.some((match) => !match)) return null;
  return levels.map((match) => ({ label: match![1].trim(), points: Number(match![2]) }));
}

/** Keeps what follows from the points: each dimension's maximum, the total and a bonus's cap. */
function recompute(template: RubricTemplate): RubricTemplate {
  const indicators = template.indicators.map((indicator) =>
    indicator.scoring.type === 'bonus' ? { ...indicator, scoring: { ...indicator.scoring, cap: indicator.maxPoints } } : indicator,
  );
  const dimensions = template.dimensions.map((dimension) => ({
    ...dimension,
    maxPoints: indicators.filter((indicator) => indicator.dimensionId === dimension.id && indicator.scoring.type !== 'bonus').reduce((sum, indicator) => sum + indicator.maxPoints, 0),
  }));
  const total = dimensions.reduce((sum, dimension) => sum + dimension.maxPoints, 0);
  return { ...template, indicators, dimensions, ...(template.totalPoints !== undefined ? { totalPoints: total } : {}) };
}

/** The engine's messages sorted by what they name: “第 3 个指标” → indicator 2, “第 1 个维度” → dimension 0, the rest. */
function sortErrors(errors: string[]) {
  const indicators = new Map<number, string[]>();
  const dimensions = new Map<number, string[]>();
  const other: string[] = [];
  for (const error of errors) {
    const text = error.replace(/^修改后的模板：/, '');
    const match = /^第 (\d+) 个(指标|维度)(?:“[^”]*”)?：(.*)$/.exec(text);
    if (!match) {
      other.push(text);
      continue;
    }
    const target = match[2] === '指标' ? indicators : dimensions;
    const index = Number(match[1]) - 1;
    // “scoring.levels：最高档得分…” → “最高档得分…”: the field path means nothing to a secretary.
    target.set(index, [...(target.get(index) ?? []), match[3].replace(/^[a-zA-Z.]+：/, '')]);
  }
  return { indicators, dimensions, other };
}

function ScoringParams({ indicator, onChange }: { indicator: RubricIndicator; onChange: (scoring: Scoring) => void }) {
  const scoring = indicator.scoring;
  // The text as typed while editing (it may not parse yet); otherwise the levels as they are.
  const [typing, setTyping] = useState<string | null>(null);
  const levelsError = typing !== null && !parseLevels(typing);
  switch (scoring.type) {
    case 'deduction':
      return (
        <Space size={4} wrap>
          每次扣
          <InputNumber size="small" style={{ width: 60 }} min={0.5} step={1} value={scoring.perOccurrence} onChange={(value) => onChange({ ...scoring, perOccurrence: value ?? 1 })} aria-label={`${indicator.text}每次扣分`} />
          分，最低
          <InputNumber size="small" style={{ width: 60 }} step={1} value={scoring.floor} onChange={(value) => onChange({ ...scoring, floor: value ?? 0 })} aria-label={`${indicator.text}最低得分`} />
          分
        </Space>
      );
    case 'bonus':
      return (
        <Space size={4} wrap>
          每项加
          <InputNumber size="small" style={{ width: 60 }} min={0.5} step={1} value={scoring.perItem} onChange={(value) => onChange({ ...scoring, perItem: value ?? 1 })} aria-label={`${indicator.text}每项加分`} />
          分，最多 {indicator.maxPoints} 分
        </Space>
      );
    case 'countTarget':
      return (
        <Space size={4} wrap>
          目标
          <InputNumber size="small" style={{ width: 60 }} min={1} value={scoring.target} onChange={(value) => onChange({ ...scoring, target: value ?? 1 })} aria-label={`${indicator.text}目标次数`} />
          次{scoring.proportional ? '，按比例得分' : '，达到才得分'}
        </Space>
      );
    case 'graded':
      return (
        <Input
          size="small"
          status={levelsError ? 'error' : undefined}
          value={typing ?? levelsText(scoring.levels)}
          aria-label={`${indicator.text}档次`}
          title="每档写“名称 分数”，用分号隔开，如：好 10；较好 8；一般 6；差 0"
          onChange={(event) => {
            setTyping(event.target.value);
            const parsed = parseLevels(event.target.value);
            if (parsed) onChange({ ...scoring, levels: parsed });
          }}
          onBlur={() => {
            if (!levelsError) setTyping(null);
          }}
        />
      );
    case 'ratio':
      return <Typography.Text type="secondary">{scoring.mode === 'linear' ? '按比例折算' : '分段得分'}</Typography.Text>;
    default:
      return <Typography.Text type="secondary">达到得满分，否则 0 分</Typography.Text>;
  }
}

/** One template: dimension names, kinds and thresholds; indicator texts, criteria, points and scoring; saved as a new version. */
export function RubricTemplateEditorPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const loaded = useRubricTemplate({ id });
  const save = useSaveRubricTemplate();
  // The secretary's edits; null shows the stored version (again after a save, which refetches it).
  const [edits, setEdits] = useState<RubricTemplate | null>(null);
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const draft = edits ?? loaded.data ?? null;

  const check = useMemo(() => (draft ? parseRubricTemplate('修改后的模板', draft) : null), [draft]);
  const errors = check && !check.ok ? check.errors : [];
  const sorted = sortErrors([...errors, ...serverErrors]);
  const changed = !!draft && !!loaded.data && JSON.stringify(draft) !== JSON.stringify(loaded.data);

  if (loaded.isError) return <Alert type="error" showIcon message="无法打开评分模板" description={loaded.error.message} />;
  if (!draft || !loaded.data) return <Card loading />;
  const original = loaded.data;

  const update = (change: (template: RubricTemplate) => RubricTemplate) => {
    setServerErrors([]);
    setEdits(recompute(change(draft)));
  };
  const updateIndicator = (index: number, change: Partial<RubricIndicator>) =>
    update((template) => ({ ...template, indicators: template.indicators.map((indicator, i) => (i === index ? { ...indicator, ...change } : indicator)) }));

  const saveVersion = async () => {
    try {
      const saved = await save.mutateAsync({ template: draft });
      setEdits(null);
      message.success(`已保存为第 ${saved.version} 版；按第 ${original.version} 版打分的自评不受影响`);
    } catch (error) {
      const details = error instanceof RpcError ? error.details : [];
      setServerErrors(details.length ? details.map((detail) => detail.message) : [(error as Error).message]);
      message.error((error as Error).message);
    }
  };

  const dimensionName = new Map(draft.dimensions.map((dimension) => [dimension.id, dimension.name]));
  const indexed = draft.indicators.map((indicator, index) => ({ indicator, index }));
  const dimensionColumns: ColumnsType<{ index: number }> = [
    {
      title: '一级指标（维度）',
      key: 'name',
      render: (_value, { index }) => (
        <Input
          value={draft.dimensions[index].name}
          aria-label={`第${index + 1}个维度名称`}
          onChange={(event) => update((template) => ({ ...template, dimensions: template.dimensions.map((d, i) => (i === index ? { ...d, name: event.target.value } : d)) }))}
        />
      ),
    },
    {
      title: '类别',
      key: 'kind',
      width: 120,
      render: (_value, { index }) => (
        <Select<DimensionKind>
          style={{ width: '100%' }}
          value={draft.dimensions[index].kind}
          options={DIMENSION_KINDS.map((kind) => ({ value: kind, label: DIMENSION_KIND_LABELS[kind] }))}
          onChange={(kind) =>
            update((template) => ({
              ...template,
              dimensions: template.dimensions.map((d, i) => {
                if (i !== index) return d;
                const { threshold, ...rest } = d;
                return kind === 'section' ? { ...rest, kind } : { ...rest, kind, threshold: threshold ?? { minPercent: 80 } };
              }),
            }))
          }
        />
      ),
    },
    {
      title: '点亮条件',
      key: 'threshold',
      width: 200,
      render: (_value, { index }) => {
        const dimension = draft.dimensions[index];
        if (dimension.kind === 'section') return <Typography.Text type="secondary">不点亮</Typography.Text>;
        const threshold = dimension.threshold ?? {};
        return (
          <Space size={4}>
            得分率达
            <InputNumber
              size="small"
              min={1}
              max={100}
              value={threshold.minPercent}
              aria-label={`${dimension.name}点亮得分率`}
              onChange={(value) =>
                update((template) => ({
                  ...template,
                  dimensions: template.dimensions.map((d, i) => (i === index ? { ...d, threshold: { ...d.threshold, minPercent: value ?? undefined } } : d)),
                }))
              }
            />
            %{threshold.allRequiredMet ? '且必达项达标' : ''}
          </Space>
        );
      },
    },
    { title: '满分', key: 'max', width: 80, render: (_value, { index }) => draft.dimensions[index].maxPoints },
    {
      title: '问题',
      key: 'problems',
      width: 280,
      render: (_value, { index }) => (sorted.dimensions.get(index) ?? []).map((problem) => <Typography.Text key={problem} type="danger" className="rubric-inline-error">{problem}</Typography.Text>),
    },
  ];

  const indicatorColumns: ColumnsType<{ indicator: RubricIndicator; index: number }> = [
    { title: '一级指标', key: 'dimension', width: 110, render: (_value, { indicator }) => dimensionName.get(indicator.dimensionId) },
    {
      title: '指标内容',
      key: 'text',
      width: 200,
      render: (_value, { indicator, index }) => (
        <Input.TextArea autoSize value={indicator.text} aria-label={`第${index + 1}个指标内容`} onChange={(event) => updateIndicator(index, { text: event.target.value })} />
      ),
    },
    {
      title: '评分标准',
      key: 'criteria',
      render: (_value, { indicator, index }) => (
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 6 }}
          value={indicator.criteria ?? ''}
          aria-label={`第${index + 1}个指标评分标准`}
          onChange={(event) => updateIndicator(index, { criteria: event.target.value || undefined })}
        />
      ),
    },
    {
      title: '分值',
      key: 'points',
      width: 86,
      render: (_value, { indicator, index }) => (
        <InputNumber
          min={0.5}
          step={1}
          value={indicator.maxPoints}
          aria-label={`第${index + 1}个指标分值`}
          onChange={(value) => updateIndicator(index, { maxPoints: value ?? 0 })}
          style={{ width: 72 }}
        />
      ),
    },
    {
      title: '评分方式',
      key: 'scoring',
      width: 250,
      render: (_value, { indicator, index }) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Select<ScoringType>
            size="small"
            style={{ width: '100%' }}
            value={indicator.scoring.type}
            aria-label={`第${index + 1}个指标评分方式`}
            options={SCORING_TYPES.map((type) => ({ value: type, label: SCORING_TYPE_LABELS[type] }))}
            onChange={(type) => updateIndicator(index, { scoring: defaultScoring(type, indicator.maxPoints) })}
          />
          <ScoringParams indicator={indicator} onChange={(scoring) => updateIndicator(index, { scoring })} />
        </Space>
      ),
    },
    {
      title: '问题',
      key: 'problems',
      width: 220,
      render: (_value, { index }) =>
        (sorted.indicators.get(index) ?? []).map((problem) => (
          <Typography.Text key={problem} type="danger" className="rubric-inline-error">
            {problem}
          </Typography.Text>
        )),
    },
  ];

  const total = draft.dimensions.reduce((sum, dimension) => sum + dimension.maxPoints, 0);
  const originalTotal = original.dimensions.reduce((sum, dimension) => sum + dimension.maxPoints, 0);

  return (
    <div>
      <div className="page-title">
        <Space>
          <Link to="/assessments/templates">
            <Button icon={<ArrowLeftOutlined />}>返回评分模板</Button>
          </Link>
          <Typography.Title level={4}>{draft.name}</Typography.Title>
          <StatusTag status={draft.status} />
          <Tag>第 {original.version} 版</Tag>
        </Space>
        <Space>
          {changed && (
            <Button
              onClick={() => {
                setEdits(null);
                setServerErrors([]);
              }}
            >
              放弃修改
            </Button>
          )}
          <Button type="primary" icon={<SaveOutlined />} disabled={!changed || errors.length > 0} loading={save.isPending} onClick={saveVersion}>
            保存为第 {original.version + 1} 版
          </Button>
        </Space>
      </div>

      <Card style={{ marginBottom: 16 }} size="small">
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="制定单位">{draft.issuer}</Descriptions.Item>
          <Descriptions.Item label="适用范围">{draft.scope.join('、')}</Descriptions.Item>
          <Descriptions.Item label="适用年度">{draft.effectiveYear}年</Descriptions.Item>
          <Descriptions.Item label="总分">
            <span data-testid="rubric-total">{total}</span>
            {total !== originalTotal && <Tag color="warning" style={{ marginLeft: 8 }}>原为 {originalTotal} 分</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="等级" span={2}>
            {draft.levels.map((level) => level.name).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="来源" span={3}>
            {draft.sourceNote}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {(errors.length > 0 || serverErrors.length > 0) && (
        <Alert
          style={{ marginBottom: 16 }}
          type="error"
          showIcon
          message={`有 ${errors.length + serverErrors.length} 处需要修改，改好才能保存`}
          description={sorted.other.length ? <ul className="rubric-problems">{sorted.other.map((problem) => <li key={problem}>{problem}</li>)}</ul> : '问题已标在对应的行上。'}
          data-testid="rubric-edit-errors"
        />
      )}
      {changed && errors.length === 0 && (
        <Alert style={{ marginBottom: 16 }} type="info" showIcon message={`修改将保存为第 ${original.version + 1} 版；已按第 ${original.version} 版打分的自评仍按第 ${original.version} 版计分。一级指标满分和总分随分值自动合计。`} />
      )}

      <Card title="一级指标" size="small" style={{ marginBottom: 16 }}>
        <Table size="small" rowKey="index" columns={dimensionColumns} dataSource={draft.dimensions.map((_d, index) => ({ index }))} pagination={false} />
      </Card>
      <Card title="指标" size="small">
        <Table
          size="small"
          rowKey={(row) => row.indicator.id}
          columns={indicatorColumns}
          dataSource={indexed}
          pagination={false}
          rowClassName={({ index }) => (sorted.indicators.has(index) ? 'rubric-row-error' : '')}
          data-testid="rubric-indicators"
        />
      </Card>
    </div>
  );
}
