import { PlayCircleOutlined, SettingOutlined, StarFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ASSESSMENT_STATUS_LABELS, type AssessmentSummary } from '../../../../shared/contract/assessments';
import { useAssessmentList, useAssessmentTemplates, useStartAssessment } from '../../api/assessments';
import { STATUS_COLORS } from './AssessmentEditorPage';
import './assessments.css';

/**
 * The year a secretary most likely means: the assessment is written at the turn of the year, so in
 * January–March it is last year's, afterwards this year's.
 */
function defaultYear(today = new Date()): number {
  return today.getMonth() < 3 ? today.getFullYear() - 1 : today.getFullYear();
}

/** 五星三强自评 (#/assessments): start the year's assessment, open earlier ones, compare years. */
export function AssessmentsPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const templates = useAssessmentTemplates();
  const list = useAssessmentList();
  const start = useStartAssessment();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(defaultYear());
  const [picked, setPicked] = useState<string | null>(null);

  const assessments = list.data ?? [];
  // Default: the template the branch used last time, else the first one offered (the reference 五星三强).
  const templateId = picked ?? assessments[0]?.templateId ?? templates.data?.[0]?.id ?? null;
  const template = templates.data?.find((candidate) => candidate.id === templateId);
  const existing = assessments.find((item) => item.year === year && item.templateId === templateId);

  const begin = async () => {
    if (!templateId) return;
    if (existing) return navigate(`/assessments/${existing.id}`);
    try {
      const view = await start.mutateAsync({ year, templateId });
      const manual = view.indicators.filter((indicator) => indicator.proposal.manual).length;
      message.success(`已按台账记录给出 ${view.indicators.length - manual} 项建议分，另有 ${manual} 项需手工评分`);
      navigate(`/assessments/${view.id}`);
    } catch (error) {
      message.error({ content: (error as Error).message, duration: 8 });
    }
  };

  // Years side by side: the dimensions of the most recent template as columns.
  const dimensionColumns = (assessments[0]?.dimensions ?? []).map((dimension) => ({
    title: dimension.name,
    key: dimension.id,
    width: 110,
    align: 'center' as const,
    render: (_value: unknown, row: AssessmentSummary) => {
      const own = row.dimensions.find((candidate) => candidate.id === dimension.id);
      if (!own) return '—';
      return (
        <span className={own.lit ? 'compare-lit' : undefined} title={own.lit ? '已点亮' : undefined}>
          {own.points}/{own.maxPoints}
          {own.lit && <StarFilled style={{ marginLeft: 4 }} />}
        </span>
      );
    },
  }));

  const columns: ColumnsType<AssessmentSummary> = [
    { title: '年度', dataIndex: 'year', width: 80, render: (value: number, row) => <Link to={`/assessments/${row.id}`}>{value} 年度</Link> },
    { title: '评分模板', key: 'template', render: (_value, row) => `${row.templateName}（第 ${row.templateVersion} 版）` },
    { title: '总分', key: 'total', width: 100, align: 'center', render: (_value, row) => <strong>{`${row.totalPoints}/${row.maxPoints}`}</strong> },
    { title: '评定', dataIndex: 'level', width: 110 },
    ...dimensionColumns,
    { title: '状态', dataIndex: 'status', width: 90, render: (value: AssessmentSummary['status']) => <Tag color={STATUS_COLORS[value]}>{ASSESSMENT_STATUS_LABELS[value]}</Tag> },
    {
      title: '审核结果',
      key: 'review',
      width: 130,
      render: (_value, row) => (row.reviewerScore === null ? '—' : `${row.reviewerScore} 分${row.reviewerLevel ? `，${row.reviewerLevel}` : ''}`),
    },
  ];

  return (
    <div className="assessments-page">
      <div className="assessment-header">
        <Typography.Title level={3} style={{ margin: 0 }}>
          五星三强自评
        </Typography.Title>
        <Link to="/assessments/templates">
          <Button icon={<SettingOutlined />}>评分模板</Button>
        </Link>
      </div>

      <Card title="开始或打开年度自评" className="assessment-section" data-testid="start-card">
        <Space wrap size={12}>
          <Select<number>
            aria-label="年度"
            value={year}
            style={{ width: 120 }}
            options={[thisYear, thisYear - 1, thisYear - 2].map((value) => ({ value, label: `${value} 年度` }))}
            onChange={setYear}
          />
          <Select<string>
            aria-label="评分模板"
            value={templateId ?? undefined}
            loading={templates.isLoading}
            style={{ width: 320 }}
            options={(templates.data ?? []).map((candidate) => ({
              value: candidate.id,
              label: `${candidate.name}（${candidate.status}，${candidate.totalPoints} 分）`,
            }))}
            onChange={setPicked}
          />
          <Button type="primary" icon={<PlayCircleOutlined />} loading={start.isPending} disabled={!templateId} onClick={() => void begin()}>
            {existing ? `打开 ${year} 年度自评` : `开始 ${year} 年度自评`}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          开始后，系统按本支部台账（三会一课、组织生活会、民主评议、谈心谈话、整改和待办事项等）为能自动判断的指标给出建议分并列出依据的记录；其余指标由您手工评分。
        </Typography.Paragraph>
        {template?.status === '参考' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            message="所选为参考模板"
            description={
              <>
                参考模板依据公开政策整理，不是上级下发的正式评分细则。收到正式细则后，请在 <Link to="/assessments/templates">评分模板</Link> 中导入。
              </>
            }
          />
        )}
      </Card>

      <Card title="历年自评" className="assessment-section" data-testid="assessment-years">
        {assessments.length === 0 ? (
          <Empty description="还没有自评记录" />
        ) : (
          <Table<AssessmentSummary> size="small" rowKey="id" pagination={false} columns={columns} dataSource={assessments} scroll={{ x: 'max-content' }} />
        )}
      </Card>
    </div>
  );
}
