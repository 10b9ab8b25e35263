import { FileSearchOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { Button, Card, Input, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AssessmentIndicatorView, AssessmentView } from '../../../../shared/contract/assessments';
import { DIMENSION_KIND_LABELS } from '../../../../shared/domain/rubricTemplate';
import { AnswerInput, describeAnswer } from './AnswerInput';
import { entryScore, type Entry } from './entries';

/**
 * The proposal's sentence without what the tag already says: a manual indicator's generic “需手工评分：
 * 本指标没有自动规则…” on every row is noise; its specific reasons (data the app lacks) are kept.
 */
function proposalDetail(row: AssessmentIndicatorView): string {
  const text = row.proposal.text.replace(/^需手工评分[：:]\s*/, '');
  return row.proposal.manual && /^本指标没有自动规则/.test(text) ? '' : text;
}

const fmt = (value: number | null) => (value === null ? '—' : String(Math.round(value * 100) / 100));

interface DimensionCardProps {
  view: AssessmentView;
  dimension: AssessmentView['dimensions'][number];
  entries: Record<string, Entry>;
  editable: boolean;
  onEntry: (indicatorId: string, patch: Partial<Entry>) => void;
  onEvidence: (indicatorId: string) => void;
  /** Index of the first indicator of this dimension in the whole table (序号 runs through). */
  firstNumber: number;
}

/** One star, 强 or section: its indicators with proposal, answer, final score and note, and its total. */
export function DimensionCard({ view, dimension, entries, editable, onEntry, onEvidence, firstNumber }: DimensionCardProps) {
  const result = view.result.dimensions.find((candidate) => candidate.id === dimension.id);
  const rows = view.indicators.filter((indicator) => indicator.dimensionId === dimension.id);
  const lights = dimension.kind !== 'section';
  // Each row's entry and what it scores, for the answer, score and note columns alike.
  const scored = (row: AssessmentIndicatorView) => ({ entry: entries[row.id], score: entryScore(row, entries[row.id]) });

  const columns: ColumnsType<AssessmentIndicatorView> = [
    { title: '序号', key: 'no', width: 52, align: 'center', render: (_value, _row, index) => firstNumber + index },
    {
      title: '指标',
      key: 'text',
      render: (_value, row) => (
        <div id={`indicator-${row.id}`}>
          <div>
            {row.text}
            {row.required && (
              <Tag color="red" style={{ marginLeft: 6 }}>
                必达
              </Tag>
            )}
          </div>
          {row.criteria && (
            <Typography.Paragraph type="secondary" className="indicator-criteria" ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
              {row.criteria}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    { title: '分值', dataIndex: 'maxPoints', width: 60, align: 'center' },
    {
      title: '系统建议',
      key: 'proposal',
      width: 220,
      render: (_value, row) => (
        <Space direction="vertical" size={2}>
          {row.proposal.manual ? <Tag>需手工评分</Tag> : <strong>{fmt(row.proposal.points)} 分</strong>}
          {proposalDetail(row) && (
            <Typography.Text type="secondary" className="proposal-text">
              {proposalDetail(row)}
            </Typography.Text>
          )}
          <Button size="small" type="link" icon={<FileSearchOutlined />} style={{ padding: 0 }} onClick={() => onEvidence(row.id)} aria-label={`佐证：${row.text}`}>
            佐证 {row.proposal.records.length + row.attachments.length > 0 ? `${row.proposal.records.length + row.attachments.length} 项` : ''}
          </Button>
        </Space>
      ),
    },
    {
      title: '自评',
      key: 'answer',
      width: 200,
      render: (_value, row) => {
        const { score } = scored(row);
        return editable ? (
          <AnswerInput scoring={row.scoring} label={row.text} value={score.answer} onChange={(answer) => onEntry(row.id, { answer })} />
        ) : (
          describeAnswer(score.answer, row.scoring)
        );
      },
    },
    {
      title: '得分',
      key: 'score',
      width: 104,
      render: (_value, row) => {
        const { entry, score } = scored(row);
        if (!editable) return <strong>{fmt(score.points)}</strong>;
        return (
          <Tooltip title={score.answerPoints === null ? '没有建议分，直接填写得分须写明理由' : `按自评答案得 ${fmt(score.answerPoints)} 分；改为其他分数须写明理由`}>
            <InputNumber
              size="small"
              aria-label={`${row.text}：得分`}
              min={row.scoringType === 'deduction' ? -row.maxPoints : 0}
              max={row.maxPoints}
              step={0.5}
              style={{ width: 84 }}
              placeholder={fmt(score.answerPoints)}
              value={entry.finalScore}
              status={score.overridden ? 'warning' : undefined}
              onChange={(finalScore) => onEntry(row.id, { finalScore: finalScore ?? null })}
            />
          </Tooltip>
        );
      },
    },
    {
      title: '说明',
      key: 'note',
      width: 200,
      render: (_value, row) => {
        const { entry, score } = scored(row);
        if (!editable) return entry.note ?? '';
        return (
          <Input.TextArea
            aria-label={`${row.text}：说明`}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            value={entry.note ?? ''}
            status={score.needsNote ? 'error' : undefined}
            placeholder={score.needsNote ? '得分与建议不同，请写明理由' : '选填'}
            onChange={(event) => onEntry(row.id, { note: event.target.value || null })}
          />
        );
      },
    },
  ];

  return (
    <Card
      className="dimension-card"
      data-testid={`dimension-${dimension.id}`}
      title={
        <Space>
          {lights && (result?.lit ? <StarFilled className="star-lit" /> : <StarOutlined className="star-unlit" />)}
          <span>{dimension.name}</span>
          <Tag>{DIMENSION_KIND_LABELS[dimension.kind]}</Tag>
        </Space>
      }
      extra={
        result && (
          <Space size={12}>
            <span>
              得分 <strong>{fmt(result.points)}</strong> / {fmt(dimension.maxPoints)}
            </span>
            {lights && <Tag color={result.lit ? 'gold' : 'default'}>{result.lit ? (dimension.kind === 'star' ? '已点亮' : '已达到') : dimension.kind === 'star' ? '未点亮' : '未达到'}</Tag>}
            <Typography.Text type="secondary">{result.reason}</Typography.Text>
          </Space>
        )
      }
    >
      <Table<AssessmentIndicatorView> size="small" rowKey="id" pagination={false} columns={columns} dataSource={rows} />
    </Card>
  );
}
