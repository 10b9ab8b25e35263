import { DeleteOutlined, ReloadOutlined, SendOutlined, StarFilled, StarOutlined, UnlockOutlined, AuditOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Descriptions, Input, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus, type AssessmentView } from '../../../../shared/contract/assessments';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { useAssessment, useAssessmentList, useDeleteAssessment, useRefreshAssessment, useSaveAssessment } from '../../api/assessments';
import { EditTrailLine } from '../editTrail/EditTrailLine';
import { AssessmentExportButtons } from './AssessmentExportButtons';
import { DimensionCard } from './DimensionCard';
import { entriesOf, saveInputOf, type Entries, type Entry } from './entries';
import { EvidenceDrawer } from './EvidenceDrawer';
import { WorkflowModals, type WorkflowDialog } from './WorkflowModals';
import './assessments.css';

export const STATUS_COLORS: Record<AssessmentStatus, string> = { draft: 'processing', submitted: 'success', reviewed: 'purple' };
const HISTORY_LABELS = { created: '开始自评', refreshed: '按台账重新计算建议分', submitted: '提交', reopened: '重新打开', reviewed: '登记审核结果' } as const;
const AUTOSAVE_MS = 800;

/** 五星三强自评 of one year (#/assessments/12). */
export function AssessmentEditorPage() {
  const id = Number(useParams().id);
  const query = useAssessment(id);
  if (query.isError) return <Alert type="error" showIcon message="无法打开这份自评" description={query.error.message} action={<Link to="/assessments">返回</Link>} />;
  if (!query.data) return <Card loading />;
  // A new status (submitted, reopened) starts the entries afresh from what the core holds.
  return <AssessmentEditor key={`${query.data.id}-${query.data.status}`} view={query.data} />;
}

function AssessmentEditor({ view }: { view: AssessmentView }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const editable = view.status === 'draft';
  const save = useSaveAssessment();
  const refresh = useRefreshAssessment();
  const remove = useDeleteAssessment();
  const list = useAssessmentList();
  const [entries, setEntries] = useState<Entries>(() => entriesOf(view));
  const [dirty, setDirty] = useState(false);
  const [dialog, setDialog] = useState<WorkflowDialog>(null);
  const [evidenceOf, setEvidenceOf] = useState<string | null>(null);

  // Edits are saved as they are made (a moment after the last keystroke), so nothing typed is lost
  // by leaving the page; the saved result (totals, stars, level) comes back from the core.
  const latest = useRef(entries);
  const unsaved = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (!unsaved.current) return;
    unsaved.current = false;
    try {
      await save.mutateAsync(saveInputOf(view.id, latest.current));
      setDirty(false);
    } catch (error) {
      unsaved.current = true;
      setDirty(true);
      message.error({ content: `未能保存：${(error as Error).message}`, duration: 8 });
      throw error;
    }
  }, [save, view.id, message]);
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = (next: Entries) => {
    latest.current = next;
    setEntries(next);
    unsaved.current = true;
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current().catch(() => undefined), AUTOSAVE_MS);
  };
  const setEntry = (indicatorId: string, patch: Partial<Entry>) =>
    change({ ...latest.current, indicators: { ...latest.current.indicators, [indicatorId]: { ...latest.current.indicators[indicatorId], ...patch } } });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void flushRef.current().then(() => message.success('已保存'), () => undefined);
      }
    };
    const onLeave = (event: BeforeUnloadEvent) => {
      if (unsaved.current) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
      // Leaving for a record (佐证) or another page: what was typed is saved on the way out.
      void flushRef.current().catch(() => undefined);
    };
  }, [message]);

  const recompute = async () => {
    try {
      await flush();
      await refresh.mutateAsync({ id: view.id });
      message.success('已按最新台账记录重新计算建议分，已填写的自评保留不变');
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const deleteDraft = async () => {
    try {
      unsaved.current = false;
      await remove.mutateAsync({ id: view.id });
      message.success(`已删除 ${view.year} 年度自评草稿`);
      navigate('/assessments');
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const { result } = view;
  const previous = list.data?.find((item) => item.year === view.year - 1 && item.templateId === view.template.id);
  const stars = view.dimensions.filter((dimension) => dimension.kind === 'star');
  const qualifiers = result.dimensions.filter((dimension) => dimension.kind === 'qualifier');
  const evidenceIndicator = view.indicators.find((indicator) => indicator.id === evidenceOf) ?? null;
  // 序号 runs through the whole table: each dimension starts after the indicators of those above it.
  const counts = view.dimensions.map((dimension) => view.indicators.filter((indicator) => indicator.dimensionId === dimension.id).length);
  const firstNumbers = counts.map((_count, index) => 1 + counts.slice(0, index).reduce((sum, count) => sum + count, 0));

  return (
    <div className="assessment-editor">
      <Breadcrumb items={[{ title: <Link to="/assessments">五星三强自评</Link> }, { title: `${view.year} 年度` }]} />
      <div className="assessment-header">
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {view.year} 年度自评
          </Typography.Title>
          <Tag color={STATUS_COLORS[view.status]}>{ASSESSMENT_STATUS_LABELS[view.status]}</Tag>
          <Typography.Text type="secondary">
            {view.template.name}（第 {view.template.version} 版）
          </Typography.Text>
          {view.template.status === '参考' && <Tag color="orange">参考模板</Tag>}
          {editable && (
            <Typography.Text type="secondary" data-testid="save-state">
              {save.isPending ? '正在保存…' : dirty ? '有修改未保存' : '已自动保存'}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          {editable && (
            <>
              <Button icon={<ReloadOutlined />} loading={refresh.isPending} onClick={() => void recompute()}>
                按台账重新计算
              </Button>
              <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog('submit')} disabled={result.problems.length > 0} title={result.problems.length ? '请先处理下方列出的问题' : undefined}>
                提交
              </Button>
            </>
          )}
          {view.status === 'submitted' && (
            <Button type="primary" icon={<AuditOutlined />} onClick={() => setDialog('review')}>
              登记审核结果
            </Button>
          )}
          {!editable && (
            <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')}>
              重新打开
            </Button>
          )}
          <AssessmentExportButtons id={view.id} beforeExport={flush} />
          {editable && (
            <Popconfirm title={`删除 ${view.year} 年度自评草稿？`} description="已填写的自评和上传的佐证材料将一并删除。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void deleteDraft()}>
              <Button danger icon={<DeleteOutlined />}>
                删除草稿
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>

      {view.template.status === '参考' && (
        <Alert
          type="warning"
          showIcon
          className="assessment-alert"
          message="本自评使用的是参考模板，不是上级下发的正式评分细则"
          description={
            <>
              {view.template.sourceNote} 收到正式细则后，可在 <Link to="/assessments/templates">评分模板</Link> 中导入，再用它开始自评。
            </>
          }
        />
      )}

      <Card className="assessment-summary" data-testid="assessment-summary">
        <div className="summary-grid">
          <div>
            <div className="summary-label">总分</div>
            <div className="summary-total">
              <strong>{result.totalPoints}</strong> / {result.maxPoints}
            </div>
          </div>
          <div>
            <div className="summary-label">评定</div>
            <div className="summary-level">{result.level.name}</div>
          </div>
          {stars.length > 0 && (
            <div>
              <div className="summary-label">
                点亮 {result.litStars.length} / {stars.length} 颗星
              </div>
              <div className="summary-stars" aria-label={`点亮 ${result.litStars.length} 颗星`}>
                {stars.map((star) =>
                  result.litStars.includes(star.id) ? <StarFilled key={star.id} className="star-lit" title={`${star.name}：已点亮`} /> : <StarOutlined key={star.id} className="star-unlit" title={`${star.name}：未点亮`} />,
                )}
              </div>
            </div>
          )}
          {qualifiers.length > 0 && (
            <div>
              <div className="summary-label">强</div>
              <Space size={4} wrap>
                {qualifiers.map((dimension) => (
                  <Tag key={dimension.id} color={dimension.lit ? 'gold' : 'default'}>
                    {dimension.name}
                    {dimension.lit ? '（达到）' : '（未达到）'}
                  </Tag>
                ))}
              </Space>
            </div>
          )}
          {previous && (
            <div>
              <div className="summary-label">上年（{previous.year}）</div>
              <div>
                {previous.totalPoints} 分，{previous.level}
              </div>
            </div>
          )}
        </div>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {result.explanation}
        </Typography.Paragraph>
        <Space size={16} wrap>
          {view.submittedOn && <Typography.Text type="secondary">提交日期：{formatChineseDate(view.submittedOn)}</Typography.Text>}
          <EditTrailLine entityType="assessment" entityId={view.id} />
        </Space>
      </Card>

      {editable && result.problems.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="assessment-alert"
          data-testid="assessment-problems"
          message={`提交前还需处理 ${result.problems.length} 项`}
          description={
            <ul className="problem-list">
              {result.problems.slice(0, 12).map((problem, index) => (
                <li key={index}>
                  {problem.indicatorId ? (
                    <a onClick={() => document.getElementById(`indicator-${problem.indicatorId}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' })}>{problem.message}</a>
                  ) : (
                    problem.message
                  )}
                </li>
              ))}
              {result.problems.length > 12 && <li>……另有 {result.problems.length - 12} 项</li>}
            </ul>
          }
        />
      )}

      {view.review && (
        <Card title="审核结果" className="assessment-section" data-testid="review-card">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="审核日期">{formatChineseDate(view.review.reviewedOn)}</Descriptions.Item>
            <Descriptions.Item label="审核得分">{view.review.reviewerScore}</Descriptions.Item>
            <Descriptions.Item label="审核等级">{view.review.reviewerLevel ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="审核意见" span={3}>
              {view.review.reviewComment ?? '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      {view.dimensions.map((dimension, index) => (
        <DimensionCard key={dimension.id} view={view} dimension={dimension} entries={entries.indicators} editable={editable} onEntry={setEntry} onEvidence={setEvidenceOf} firstNumber={firstNumbers[index]} />
      ))}

      {view.vetoes.length > 0 && (
        <Card title="一票否决事项" className="assessment-section" data-testid="vetoes-card">
          <Space direction="vertical" style={{ width: '100%' }}>
            {view.vetoes.map((veto) => {
              const entry = entries.vetoes[veto.id] ?? { hit: false, note: null };
              const setVeto = (patch: Partial<typeof entry>) => change({ ...latest.current, vetoes: { ...latest.current.vetoes, [veto.id]: { ...entry, ...patch } } });
              return (
                <div key={veto.id} className="veto-row">
                  <Checkbox checked={entry.hit} disabled={!editable} onChange={(event) => setVeto({ hit: event.target.checked })}>
                    {veto.text}
                  </Checkbox>
                  {entry.hit && (
                    <Input
                      aria-label={`${veto.text}：情况说明`}
                      placeholder="写明具体情况"
                      disabled={!editable}
                      value={entry.note ?? ''}
                      maxLength={2000}
                      onChange={(event) => setVeto({ note: event.target.value || null })}
                    />
                  )}
                </div>
              );
            })}
            <Typography.Text type="secondary">没有发生的事项不要勾选；勾选任何一项，等级将按模板规定封顶。</Typography.Text>
          </Space>
        </Card>
      )}

      <Card title="存在问题和下一步打算" className="assessment-section">
        <Input.TextArea
          aria-label="存在问题和下一步打算"
          autoSize={{ minRows: 3, maxRows: 12 }}
          maxLength={10000}
          disabled={!editable}
          value={entries.summary ?? ''}
          placeholder="写入自评报告“存在问题和下一步打算”部分；不填则按未达标的指标自动起草。"
          onChange={(event) => change({ ...latest.current, summary: event.target.value || null })}
        />
      </Card>

      <Card title="办理记录" className="assessment-section" data-testid="history-card">
        <Timeline
          items={view.history.map((entry) => ({
            children: (
              <>
                {dayjs(entry.at).format('YYYY-MM-DD HH:mm')} {HISTORY_LABELS[entry.action]}
                {entry.note && <Typography.Text type="secondary">：{entry.note}</Typography.Text>}
              </>
            ),
          }))}
        />
      </Card>

      <EvidenceDrawer assessmentId={view.id} indicator={evidenceIndicator} editable={editable} onClose={() => setEvidenceOf(null)} />
      <WorkflowModals view={view} open={dialog} onClose={() => setDialog(null)} flush={flush} />
    </div>
  );
}
