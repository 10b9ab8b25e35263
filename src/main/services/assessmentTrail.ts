import { ASSESSMENT_STATUS_LABELS } from '../../shared/contract/assessments';
import { trailList, type TrailSnapshot } from '../../shared/domain/editTrail';
import type { IndicatorAnswer } from '../../shared/domain/rubricScoring';
import type { RubricTemplate } from '../../shared/domain/rubricTemplate';
import type { Store } from '../store';
import type { TrailSubject } from './editTrail';

// The yearly self-assessment as the edit trail (修改记录) reads it: what the secretary entered, the
// workflow state and the review, per field with Chinese labels. Proposals are not logged: they are
// the records' arithmetic, and 重新计算 is already in the assessment's own 办理记录.

const ASSESSMENT_TRAIL_LABELS: Record<string, string> = {
  status: '状态',
  entries: '自评得分和说明',
  vetoes: '一票否决事项',
  summary: '存在问题和下一步打算',
  attachments: '佐证材料',
  submittedOn: '提交日期',
  reviewerScore: '审核得分',
  reviewerLevel: '审核等级',
  reviewComment: '审核意见',
  reviewedOn: '审核日期',
};

function answerText(answer: IndicatorAnswer | null): string | null {
  if (!answer) return null;
  switch (answer.kind) {
    case 'yesNo':
      return answer.value ? '是' : '否';
    case 'grade':
      return answer.label;
    case 'ratio':
      return `${Math.round(answer.value * 1000) / 10}%`;
    default:
      return String(answer.value);
  }
}

export function assessmentTrailSubject(store: Store): TrailSubject {
  return {
    type: 'assessment',
    labels: ASSESSMENT_TRAIL_LABELS,
    label: (snapshot) => String(snapshot.title ?? '五星三强自评'),
    snapshot(id): TrailSnapshot | null {
      const stored = store.assessments.get(id);
      if (!stored) return null;
      const template = JSON.parse(stored.templateJson) as RubricTemplate;
      const textOf = new Map(template.indicators.map((indicator) => [indicator.id, indicator.text]));
      const vetoText = new Map(template.vetoes.map((veto) => [veto.id, veto.text]));
      // Only indicators the secretary touched: an untouched one is just the proposal.
      const entered = store.assessments.indicators(id).filter((row) => row.answer !== null || row.finalScore !== null || row.note !== null);
      return {
        title: `${stored.year}年度${template.name}自评`,
        status: ASSESSMENT_STATUS_LABELS[stored.status],
        entries: trailList(
          entered,
          (row) => row.indicatorId,
          (row) => textOf.get(row.indicatorId) ?? row.indicatorId,
          (row) => ({ 自评: answerText(row.answer), 得分: row.finalScore, 说明: row.note }),
        ),
        vetoes: trailList(
          store.assessments.vetoes(id),
          (veto) => veto.vetoId,
          (veto) => `${vetoText.get(veto.vetoId) ?? veto.vetoId}：${veto.note}`,
        ),
        summary: stored.summary,
        attachments: trailList(
          store.assessments.attachments(id),
          (file) => file.id,
          (file) => `${textOf.get(file.indicatorId) ?? file.indicatorId}：${file.fileName}`,
        ),
        submittedOn: stored.submittedOn,
        reviewedOn: stored.review?.reviewedOn ?? null,
        reviewerScore: stored.review ? String(stored.review.reviewerScore) : null,
        reviewerLevel: stored.review?.reviewerLevel ?? null,
        reviewComment: stored.review?.reviewComment ?? null,
      };
    },
  };
}
