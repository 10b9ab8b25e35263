import type { z } from 'zod';
import type { AttachmentContent } from '../../shared/contract/attachments';
import {
  ASSESSMENT_STATUS_LABELS,
  type AssessmentIndicatorView,
  type AssessmentProposal,
  type AssessmentSummary,
  type AssessmentView,
  type assessmentAttachmentAddInput,
  type assessmentReopenInput,
  type assessmentReviewInput,
  type assessmentSaveInput,
  type assessmentStartInput,
  type assessmentSubmitInput,
  type EvidenceRecord,
} from '../../shared/contract/assessments';
import { AppError, type FieldProblem } from '../../shared/contract/errors';
import { fieldLabelsFor } from '../../shared/contract/labels';
import { todayIso } from '../../shared/domain/dates';
import { MEETING_TYPE_LABELS } from '../../shared/domain/meetingTypes';
import { round2, scoreAssessment, type AssessmentResult, type IndicatorInput, type IndicatorResult, type ProblemKind, type ScoringProblem } from '../../shared/domain/rubricScoring';
import type { RubricIndicator, RubricTemplate } from '../../shared/domain/rubricTemplate';
import type { AssessmentAttachment, AssessmentStored, IndicatorEntry, StoredIndicator, StoredProposal } from '../store/repos/assessments.repo';
import { createAttachmentFiles } from './attachmentFiles';
import { assessmentTrailSubject } from './assessmentTrail';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { ProblemList } from './validation';

type StartInput = z.output<typeof assessmentStartInput>;
type SaveInput = z.output<typeof assessmentSaveInput>;
type SubmitInput = z.output<typeof assessmentSubmitInput>;
type ReopenInput = z.output<typeof assessmentReopenInput>;
type ReviewInput = z.output<typeof assessmentReviewInput>;
type AttachmentAddInput = z.output<typeof assessmentAttachmentAddInput>;

/** What the workflow needs from the assessments service: the catalog lookup and the evidence engine. */
export interface WorkflowDeps {
  /** The current version of a template (throws NOT_FOUND naming the choices). */
  findTemplate(templateId: string): RubricTemplate;
  /** Refuses a year still to come. */
  checkYear(year: number): void;
  /** The records' proposal for this exact template (any version) and year. */
  propose(template: RubricTemplate, year: number): AssessmentProposal;
}

const ASSESSMENT_GONE = '该自评不存在，可能已被删除。请刷新后重试。';
const ATTACHMENT_GONE = '该附件不存在，可能已被删除。请刷新后重试。';
const fmt = (value: number): string => String(round2(value));

/** Problems of a secretary's entries that saving refuses (unscored indicators may wait until submitting). */
const SAVE_REFUSES: readonly ProblemKind[] = ['badAnswer', 'answerMismatch', 'overrideWithoutNote', 'aboveMax', 'belowMin'];
/** Which entry field an engine problem is about. */
const PROBLEM_FIELD: Record<ProblemKind, 'answer' | 'finalScore' | 'note' | null> = {
  unscored: 'answer',
  answerMismatch: 'answer',
  badAnswer: 'answer',
  overrideWithoutNote: 'note',
  aboveMax: 'finalScore',
  belowMin: 'finalScore',
  unknownIndicator: null,
  unknownVeto: null,
};

function toStoredProposal(item: AssessmentProposal['indicators'][number]): StoredProposal {
  return { answer: item.answer, points: item.proposed, manual: item.manual, text: item.evidence.text, recordIds: [...item.evidence.recordIds] };
}

function validationError(problems: FieldProblem[], lead = ''): AppError {
  return new AppError('VALIDATION', `${lead}${problems.map((problem) => `${problem.label}：${problem.message}`).join('；')}`, problems);
}

/**
 * One indicator as the page and the documents see it: the template's wording and scoring, the
 * frozen proposal with its records (dated, in date order; records deleted since are left out), the
 * secretary's entries and what the engine made of them, and the evidence files.
 */
export function indicatorView(
  indicator: RubricIndicator,
  row: Pick<StoredIndicator, 'proposal' | 'answer' | 'finalScore' | 'note'> | undefined,
  scored: IndicatorResult,
  records: ReadonlyMap<number, EvidenceRecord>,
  attachments: readonly Pick<AssessmentAttachment, 'id' | 'fileName' | 'size' | 'mime' | 'addedAt'>[],
): AssessmentIndicatorView {
  const proposal = row?.proposal ?? { answer: null, points: null, manual: true, text: '需手工评分', recordIds: [] };
  return {
    id: indicator.id,
    dimensionId: indicator.dimensionId,
    text: indicator.text,
    criteria: indicator.criteria ?? null,
    evidenceNeeded: indicator.evidence,
    maxPoints: indicator.maxPoints,
    scoringType: indicator.scoring.type,
    scoring: indicator.scoring,
    required: indicator.required === true,
    rule: indicator.auto?.rule ?? null,
    proposal: {
      answer: proposal.answer,
      points: proposal.points,
      manual: proposal.manual,
      text: proposal.text,
      records: proposal.recordIds.flatMap((recordId) => records.get(recordId) ?? []).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id),
    },
    answer: row?.answer ?? null,
    finalScore: row?.finalScore ?? null,
    note: row?.note ?? null,
    points: scored.points,
    overridden: scored.overridden,
    met: scored.met,
    attachments: attachments.map(({ id, fileName, size, mime, addedAt }) => ({ id, fileName, size, mime, addedAt })),
  };
}

/**
 * The yearly self-assessment (issue 6 item 3): 草稿 → 已提交 (locked, dated) → 已审核, reopened only
 * explicitly and with a reason, all of it recorded in the history. Each assessment is scored with the
 * frozen copy of the template it was started with; the catalog is asked only when starting one.
 */
export function createAssessmentWorkflow(context: ServiceContext, deps: WorkflowDeps) {
  const { store, clock, dataDir } = context;
  const files = createAttachmentFiles(dataDir, (sha256) => store.attachments.isReferenced(sha256));
  // 修改记录: every change the secretary or the workflow makes, logged in the same transaction.
  const trail = createEditTrail({ store, clock }).for(assessmentTrailSubject(store));
  const attachmentLabels = fieldLabelsFor('assessments:addAttachment');
  const now = () => clock().toISOString();
  const today = () => todayIso(clock());

  function load(id: number): { stored: AssessmentStored; template: RubricTemplate } {
    const stored = store.assessments.get(id);
    if (!stored) throw new AppError('NOT_FOUND', ASSESSMENT_GONE);
    return { stored, template: JSON.parse(stored.templateJson) as RubricTemplate };
  }

  const title = (stored: AssessmentStored, template: RubricTemplate) => `${stored.year}年度“${template.name}”自评`;

  /** Refuses any change to a submitted or reviewed assessment, saying how to get it back. */
  function requireDraft(stored: AssessmentStored, template: RubricTemplate, what: string): void {
    if (stored.status === 'draft') return;
    const state =
      stored.status === 'reviewed' && stored.review
        ? `已于 ${stored.submittedOn} 提交、${stored.review.reviewedOn} 审核`
        : `已于 ${stored.submittedOn} 提交`;
    throw new AppError('CONFLICT', `${title(stored, template)}${state}，已锁定，不能${what}。如确需修改，请先“重新打开”并写明原因。`);
  }

  /** Inside a transaction: the assessment is still there and still a draft (another window may have moved it on). */
  function recheckDraft(id: number, template: RubricTemplate, what: string): void {
    const current = store.assessments.get(id);
    if (!current) throw new AppError('NOT_FOUND', ASSESSMENT_GONE);
    requireDraft(current, template, what);
  }

  function scoringInput(rows: readonly StoredIndicator[]): Record<string, IndicatorInput> {
    const inputs: Record<string, IndicatorInput> = {};
    for (const row of rows) {
      const answer = row.answer ?? row.proposal.answer;
      inputs[row.indicatorId] = {
        ...(answer ? { answer } : {}),
        ...(row.finalScore !== null ? { finalScore: row.finalScore } : {}),
        ...(row.note !== null ? { note: row.note } : {}),
      };
    }
    return inputs;
  }

  function score(template: RubricTemplate, rows: readonly StoredIndicator[], vetoIds: readonly string[]): AssessmentResult {
    return scoreAssessment(template, { indicators: scoringInput(rows), vetoesHit: vetoIds });
  }

  /** An engine problem as a field-level problem naming the indicator by its text. */
  function fieldProblem(template: RubricTemplate, problem: ScoringProblem): FieldProblem {
    const indicator = problem.indicatorId ? template.indicators.find((candidate) => candidate.id === problem.indicatorId) : undefined;
    if (!indicator) return { path: problem.kind === 'unknownVeto' ? 'vetoes' : 'indicators', label: problem.kind === 'unknownVeto' ? '一票否决事项' : '指标', message: problem.message };
    const prefix = `指标“${indicator.id}”（${indicator.text}）：`;
    const field = PROBLEM_FIELD[problem.kind];
    return {
      path: `indicators.${indicator.id}${field ? `.${field}` : ''}`,
      label: `指标“${indicator.text}”`,
      message: problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message,
    };
  }

  /** 支部委员会会议 / 第一党小组会 / 支部党员大会、党课 */
  function typeLabelOf(types: readonly (keyof typeof MEETING_TYPE_LABELS)[], groupName: string | null): string {
    return types
      .map((type) => {
        if (type !== 'groupMeeting' || !groupName) return MEETING_TYPE_LABELS[type];
        return groupName.endsWith('小组') ? `${groupName}会` : `${MEETING_TYPE_LABELS.groupMeeting}（${groupName}）`;
      })
      .join('、');
  }

  /** The records behind the proposals that still exist (deleted ones are left out; their ids stay stored). */
  function evidenceRecords(rows: readonly StoredIndicator[]): Map<number, EvidenceRecord> {
    const ids = [...new Set(rows.flatMap((row) => row.proposal.recordIds))];
    const records = new Map<number, EvidenceRecord>();
    if (ids.length === 0) return records;
    const groupNames = new Map<number, string | null>();
    const groupName = (groupId: number | null) => {
      if (groupId === null) return null;
      if (!groupNames.has(groupId)) groupNames.set(groupId, store.groups.get(groupId)?.name ?? null);
      return groupNames.get(groupId)!;
    };
    for (const row of store.meetings.summaries({ ids })) {
      records.set(row.id, { id: row.id, date: row.heldOn, typeLabel: typeLabelOf(row.types, groupName(row.partyGroupId)), topic: row.topic });
    }
    return records;
  }

  function view(id: number): AssessmentView {
    const { stored, template } = load(id);
    const rows = store.assessments.indicators(id);
    const vetoes = store.assessments.vetoes(id);
    const result = score(template, rows, vetoes.map((veto) => veto.vetoId));
    const records = evidenceRecords(rows);
    const attachments = store.assessments.attachments(id);
    const byId = new Map(rows.map((row) => [row.indicatorId, row]));
    const results = new Map(result.indicators.map((item) => [item.id, item]));
    const indicators: AssessmentIndicatorView[] = template.indicators.map((indicator) =>
      indicatorView(
        indicator,
        byId.get(indicator.id),
        results.get(indicator.id)!,
        records,
        attachments.filter((attachment) => attachment.indicatorId === indicator.id),
      ),
    );
    const vetoNotes = new Map(vetoes.map((veto) => [veto.vetoId, veto.note]));
    return {
      id: stored.id,
      year: stored.year,
      status: stored.status,
      template: {
        id: template.id,
        name: template.name,
        version: template.version,
        status: template.status,
        scope: [...template.scope],
        issuer: template.issuer,
        sourceNote: template.sourceNote,
      },
      dimensions: template.dimensions.map((dimension) => ({ id: dimension.id, name: dimension.name, kind: dimension.kind, maxPoints: dimension.maxPoints })),
      levels: template.levels.map((level) => ({ id: level.id, name: level.name })),
      indicators,
      vetoes: template.vetoes.map((veto) => ({ id: veto.id, text: veto.text, hit: vetoNotes.has(veto.id), note: vetoNotes.get(veto.id) ?? null })),
      summary: stored.summary,
      result,
      proposedAsOf: stored.proposedAsOf,
      submittedOn: stored.submittedOn,
      review: stored.review,
      history: store.assessments.history(id),
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
    };
  }

  function summaryOf(stored: AssessmentStored): AssessmentSummary {
    const template = JSON.parse(stored.templateJson) as RubricTemplate;
    const result = score(
      template,
      store.assessments.indicators(stored.id),
      store.assessments.vetoes(stored.id).map((veto) => veto.vetoId),
    );
    return {
      id: stored.id,
      year: stored.year,
      status: stored.status,
      templateId: template.id,
      templateName: template.name,
      templateVersion: template.version,
      totalPoints: result.totalPoints,
      maxPoints: result.maxPoints,
      level: result.level.name,
      starCount: result.litStars.length,
      dimensions: result.dimensions.map((dimension) => ({ id: dimension.id, name: dimension.name, points: dimension.points, maxPoints: dimension.maxPoints, lit: dimension.lit })),
      submittedOn: stored.submittedOn,
      reviewerScore: stored.review?.reviewerScore ?? null,
      reviewerLevel: stored.review?.reviewerLevel ?? null,
      updatedAt: stored.updatedAt,
    };
  }

  /** A date of the workflow (submission, review): a real day, not in the future. */
  function checkNotFuture(problems: FieldProblem[], path: string, label: string, date: string): void {
    const todayText = today();
    if (date > todayText) problems.push({ path, label, message: `${date} 还未到，应不晚于今天（${todayText}）` });
  }

  return {
    /** Every assessment, newest year first, with its totals, stars and level (to compare years). */
    list(): AssessmentSummary[] {
      return store.assessments.list().map(summaryOf);
    },

    get({ id }: { id: number }): AssessmentView {
      return view(id);
    },

    /** A draft for the year with the records' proposals filled in, on a frozen copy of the current template. */
    start({ templateId, year }: StartInput): AssessmentView {
      const template = deps.findTemplate(templateId);
      deps.checkYear(year);
      const refuseSecond = () => {
        const existing = store.assessments.findByYearTemplate(year, template.id);
        if (!existing) return;
        const message = `${year}年度已有一份“${template.name}”自评（${ASSESSMENT_STATUS_LABELS[existing.status]}），请打开已有的那份继续填写，不要再新建`;
        throw new AppError('CONFLICT', message, [{ path: 'year', label: '年度', message }]);
      };
      refuseSecond();
      const proposal = deps.propose(template, year);
      const at = now();
      const id = store.transaction(() => {
        refuseSecond();
        return trail.create(() => {
          const newId = store.assessments.insert(
            { year, templateId: template.id, templateVersion: template.version, templateJson: JSON.stringify(template), proposedAsOf: proposal.asOf },
            proposal.indicators.map((item) => ({ indicatorId: item.id, proposal: toStoredProposal(item) })),
            at,
          );
          store.assessments.addHistory(newId, 'created', `按“${template.name}”第 ${template.version} 版评分，建议分据 ${proposal.asOf} 的记录`, at);
          return newId;
        });
      });
      return view(id);
    },

    /** Recomputes a draft's proposals from the records as they are now; the secretary's entries stay. */
    refresh({ id }: { id: number }): AssessmentView {
      const { stored, template } = load(id);
      requireDraft(stored, template, '重新计算建议分');
      const before = new Map(store.assessments.indicators(id).map((row) => [row.indicatorId, row.proposal]));
      const proposal = deps.propose(template, stored.year);
      const changes = proposal.indicators.flatMap((item) => {
        const old = before.get(item.id);
        if (!old || old.points === item.proposed) return [];
        const shown = (points: number | null) => (points === null ? '需手工评分' : fmt(points));
        return [`“${item.text}” ${shown(old.points)} → ${shown(item.proposed)}`];
      });
      const at = now();
      store.transaction(() => {
        recheckDraft(id, template, '重新计算建议分');
        for (const item of proposal.indicators) store.assessments.setProposal(id, item.id, toStoredProposal(item));
        store.assessments.setProposedAsOf(id, proposal.asOf, at);
        store.assessments.addHistory(id, 'refreshed', changes.length ? `建议分有变化：${changes.join('；')}` : '建议分没有变化', at);
      });
      return view(id);
    },

    /**
     * The secretary's entries. Each listed indicator's row is replaced (answer, final score, note);
     * indicators not listed keep theirs. Vetoes and summary are replaced as sent. Refused: an answer
     * that does not fit the indicator, a final score outside its range or different from the answer's
     * points without a note, unknown indicators or vetoes, a veto without a note. Unscored indicators
     * are fine in a draft (submitting needs them).
     */
    save(input: SaveInput): AssessmentView {
      const { stored, template } = load(input.id);
      requireDraft(stored, template, '修改');
      const problems: FieldProblem[] = [];
      const rows = store.assessments.indicators(input.id);
      const byId = new Map(rows.map((row) => [row.indicatorId, row]));
      const entries = new Map<string, IndicatorEntry>();
      input.indicators.forEach((entry, index) => {
        if (!byId.has(entry.id)) {
          problems.push({ path: `indicators.${index}.id`, label: '指标', message: `模板“${template.name}”中没有编号为“${entry.id}”的指标，请刷新后重试` });
        } else if (entries.has(entry.id)) {
          problems.push({ path: `indicators.${entry.id}`, label: '指标', message: `指标“${entry.id}”重复出现，每项只能填写一次` });
        } else entries.set(entry.id, { answer: entry.answer, finalScore: entry.finalScore, note: entry.note });
      });
      const vetoes: { vetoId: string; note: string }[] = [];
      const seenVetoes = new Set<string>();
      input.vetoes.forEach((veto, index) => {
        const known = template.vetoes.find((candidate) => candidate.id === veto.id);
        if (!known) {
          problems.push({ path: `vetoes.${index}.id`, label: '一票否决事项', message: `模板“${template.name}”中没有编号为“${veto.id}”的一票否决事项，请刷新后重试` });
        } else if (seenVetoes.has(veto.id)) {
          problems.push({ path: `vetoes.${veto.id}`, label: '一票否决事项', message: `“${known.text}”重复出现，只能填写一次` });
        } else if (!veto.note) {
          problems.push({ path: `vetoes.${veto.id}.note`, label: `一票否决事项“${known.text}”`, message: '请写明发生了什么（时间、事由、处理结果）' });
        } else {
          seenVetoes.add(veto.id);
          vetoes.push({ vetoId: veto.id, note: veto.note });
        }
      });
      const merged = rows.map((row) => ({ ...row, ...(entries.get(row.indicatorId) ?? {}) }));
      const result = score(template, merged, vetoes.map((veto) => veto.vetoId));
      for (const problem of result.problems) {
        if (problem.indicatorId && entries.has(problem.indicatorId) && SAVE_REFUSES.includes(problem.kind)) problems.push(fieldProblem(template, problem));
      }
      if (problems.length) throw validationError(problems, '未保存：');
      const at = now();
      store.transaction(() =>
        trail.update(input.id, () => {
          recheckDraft(input.id, template, '修改');
          for (const [indicatorId, entry] of entries) store.assessments.setEntry(input.id, indicatorId, entry);
          store.assessments.replaceVetoes(input.id, vetoes);
          store.assessments.setSummary(input.id, input.summary, at);
        }),
      );
      return view(input.id);
    },

    /** draft → 已提交, dated (today unless told), once nothing is left to fix; the proposals are frozen with it. */
    submit({ id, submittedOn }: SubmitInput): AssessmentView {
      const { stored, template } = load(id);
      if (stored.status !== 'draft') {
        throw new AppError('CONFLICT', `${title(stored, template)}已于 ${stored.submittedOn} 提交，不需要再次提交。`);
      }
      const date = submittedOn ?? today();
      const dateProblems: FieldProblem[] = [];
      checkNotFuture(dateProblems, 'submittedOn', '提交日期', date);
      if (date < `${stored.year}-01-01`) dateProblems.push({ path: 'submittedOn', label: '提交日期', message: `${date} 早于 ${stored.year} 年度开始，应在 ${stored.year}-01-01 或以后` });
      if (dateProblems.length) throw validationError(dateProblems);
      const rows = store.assessments.indicators(id);
      const vetoes = store.assessments.vetoes(id);
      const result = score(template, rows, vetoes.map((veto) => veto.vetoId));
      if (result.problems.length) {
        throw validationError(
          result.problems.map((problem) => fieldProblem(template, problem)),
          `还有 ${result.problems.length} 处需要处理，处理后才能提交：`,
        );
      }
      const at = now();
      store.transaction(() =>
        trail.update(id, () => {
          if (!store.assessments.submit(id, date, at)) throw new AppError('CONFLICT', `${title(stored, template)}已提交，不需要再次提交。`);
          store.assessments.addHistory(id, 'submitted', `提交日期 ${date}；自评总分 ${fmt(result.totalPoints)}/${fmt(result.maxPoints)}，${result.level.name}`, at);
        }),
      );
      return view(id);
    },

    /** 已提交/已审核 → 草稿, with the reason recorded; the submission and any review stay in the history. */
    reopen({ id, reason }: ReopenInput): AssessmentView {
      const { stored, template } = load(id);
      if (stored.status === 'draft') throw new AppError('CONFLICT', `${title(stored, template)}是草稿，可以直接修改，不需要重新打开。`);
      const at = now();
      store.transaction(() =>
        trail.update(
          id,
          () => {
            if (!store.assessments.reopen(id, at)) throw new AppError('CONFLICT', `${title(stored, template)}是草稿，可以直接修改，不需要重新打开。`);
            store.assessments.addHistory(id, 'reopened', reason, at);
          },
          `重新打开：${reason}`,
        ),
      );
      return view(id);
    },

    /** 已提交 → 已审核: the reviewer's score, level (one of the template's), comment and date. */
    review(input: ReviewInput): AssessmentView {
      const { stored, template } = load(input.id);
      if (stored.status === 'draft') throw new AppError('CONFLICT', `${title(stored, template)}尚未提交，不能录入审核结果。请先提交。`);
      if (stored.status === 'reviewed') {
        throw new AppError('CONFLICT', `${title(stored, template)}已于 ${stored.review?.reviewedOn} 录入审核结果。如需更改，请先“重新打开”并写明原因，修改后重新提交。`);
      }
      const problems: FieldProblem[] = [];
      if (stored.submittedOn && input.reviewedOn < stored.submittedOn) {
        problems.push({ path: 'reviewedOn', label: '审核日期', message: `${input.reviewedOn} 早于提交日期 ${stored.submittedOn}，应在提交当天或以后` });
      }
      checkNotFuture(problems, 'reviewedOn', '审核日期', input.reviewedOn);
      const levelNames = template.levels.map((level) => level.name);
      if (input.reviewerLevel !== null && !levelNames.includes(input.reviewerLevel)) {
        problems.push({ path: 'reviewerLevel', label: '审核等级', message: `“${input.reviewerLevel}”不是模板“${template.name}”的等级，应为 ${levelNames.join('、')} 之一` });
      }
      const reachable = round2(template.indicators.reduce((sum, indicator) => sum + indicator.maxPoints, 0));
      if (input.reviewerScore > reachable) {
        problems.push({ path: 'reviewerScore', label: '审核得分', message: `${fmt(input.reviewerScore)} 超过了模板的最高可得分 ${fmt(reachable)}` });
      }
      if (problems.length) throw validationError(problems);
      const review = { reviewedOn: input.reviewedOn, reviewerScore: input.reviewerScore, reviewerLevel: input.reviewerLevel, reviewComment: input.reviewComment };
      const note = [
        `审核日期 ${review.reviewedOn}`,
        `审核得分 ${fmt(review.reviewerScore)}`,
        ...(review.reviewerLevel ? [`审核等级 ${review.reviewerLevel}`] : []),
        ...(review.reviewComment ? [`审核意见：${review.reviewComment}`] : []),
      ].join('；');
      const at = now();
      store.transaction(() =>
        trail.update(input.id, () => {
          if (!store.assessments.review(input.id, review, at)) throw new AppError('CONFLICT', `${title(stored, template)}不是“已提交”状态，不能录入审核结果。请刷新后重试。`);
          store.assessments.addHistory(input.id, 'reviewed', note, at);
        }),
      );
      return view(input.id);
    },

    /** Deletes a draft never submitted (one reopened after submission keeps its history, so it stays). */
    delete({ id }: { id: number }): { id: number } {
      const { stored, template } = load(id);
      requireDraft(stored, template, '删除');
      if (store.assessments.submissions(id) > 0) {
        throw new AppError(
          'CONFLICT',
          `${title(stored, template)}曾经提交过（后来重新打开），为保留提交和重新打开的记录，不能删除。请修改后重新提交。`,
        );
      }
      const hashes = store.assessments.attachmentHashes(id);
      store.transaction(() =>
        trail.delete(id, () => {
          recheckDraft(id, template, '删除');
          store.assessments.delete(id);
        }),
      );
      for (const sha256 of hashes) files.removeIfUnreferenced(sha256);
      return { id };
    },

    /** A file for one indicator's evidence outside the app; drafts only. */
    addAttachment({ id, indicatorId, fileName, contentBase64 }: AttachmentAddInput): AssessmentView {
      const { stored, template } = load(id);
      requireDraft(stored, template, '添加附件');
      const indicator = template.indicators.find((candidate) => candidate.id === indicatorId);
      const problems = new ProblemList(attachmentLabels);
      if (!indicator) problems.add('indicatorId', `模板“${template.name}”中没有编号为“${indicatorId}”的指标，请刷新后重试`).throwIfAny();
      const file = files.decode(fileName, contentBase64, problems);
      const same = store.assessments.sameAttachment(id, indicatorId, file.sha256);
      if (same) problems.add('contentBase64', `“${file.name}”与该指标已有的附件“${same.fileName}”内容相同，未重复添加`).throwIfAny();
      const existed = files.ensureStored(file);
      try {
        store.transaction(() =>
          trail.update(id, () => {
            recheckDraft(id, template, '添加附件');
            store.assessments.addAttachment({ assessmentId: id, indicatorId, sha256: file.sha256, fileName: file.name, size: file.bytes.length, mime: file.mime }, now());
            store.assessments.touch(id, now());
          }),
        );
      } catch (error) {
        if (!existed) files.removeIfUnreferenced(file.sha256);
        throw error;
      }
      return view(id);
    },

    /** Removes one evidence file (drafts only); the stored file goes unless something else names it. */
    removeAttachment({ attachmentId }: { attachmentId: number }): AssessmentView {
      const attachment = store.assessments.attachment(attachmentId);
      if (!attachment) throw new AppError('NOT_FOUND', ATTACHMENT_GONE);
      const { stored, template } = load(attachment.assessmentId);
      requireDraft(stored, template, '删除附件');
      store.transaction(() =>
        trail.update(attachment.assessmentId, () => {
          recheckDraft(attachment.assessmentId, template, '删除附件');
          store.assessments.removeAttachment(attachmentId);
          store.assessments.touch(attachment.assessmentId, now());
        }),
      );
      files.removeIfUnreferenced(attachment.sha256);
      return view(attachment.assessmentId);
    },

    /** An evidence file's content (any status), checked against its hash. */
    getAttachment({ attachmentId }: { attachmentId: number }): AttachmentContent {
      const attachment = store.assessments.attachment(attachmentId);
      if (!attachment) throw new AppError('NOT_FOUND', ATTACHMENT_GONE);
      const bytes = files.read(attachment);
      return { id: attachment.id, fileName: attachment.fileName, mime: attachment.mime, contentBase64: bytes.toString('base64') };
    },
  };
}
