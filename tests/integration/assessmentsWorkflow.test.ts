import { createHash } from 'node:crypto';
import { existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttachmentContent } from '../../src/shared/contract/attachments';
import type { AssessmentIndicatorView, AssessmentSummary, AssessmentTemplateItem, AssessmentView } from '../../src/shared/contract/assessments';
import type { ErrorBody } from '../../src/shared/contract/errors';
import type { MeetingListItem } from '../../src/shared/contract/meetings';
import type { IndicatorAnswer } from '../../src/shared/domain/rubricScoring';
import type { RubricTemplate } from '../../src/shared/domain/rubricTemplate';
import { createAssessmentsService } from '../../src/main/services/assessments.service';
import { catalogOf, SHIPPED_RUBRICS } from '../../src/main/services/assessments.source';
import { demoBranch } from '../helpers/demo';
import { call, tempCore } from '../helpers/tempCore';

// The yearly self-assessment (issue 6 item 3) on the demo branch: records of 2025, clock on
// 2026-11-22. 支委会 was held 11 times (August missing), so the rule proposes 7.33 of 8 points.

const TEMPLATE = 'wuxing-sanqiang-reference';
const COMMITTEE = 'leadership-committee-meeting';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const storedPath = (dataDir: string, hash: string) => join(dataDir, 'attachments', hash.slice(0, 2), hash);

type Demo = Awaited<ReturnType<typeof demoBranch>>;
type Core = Demo['core'];

async function refused(core: Core, method: string, input: unknown): Promise<ErrorBody> {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error;
}

const start = (core: Core, year = 2025, templateId = TEMPLATE) => call<AssessmentView>(core, 'assessments:start', { templateId, year });
const get = (core: Core, id: number) => call<AssessmentView>(core, 'assessments:get', { id });

function indicator(view: AssessmentView, id: string): AssessmentIndicatorView {
  const found = view.indicators.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`没有指标 ${id}`);
  return found;
}

/** A full-marks answer in the indicator's own terms (what a secretary would pick for a good year). */
function goodAnswer(item: AssessmentIndicatorView): IndicatorAnswer {
  const { scoring } = item;
  switch (scoring.type) {
    case 'yesNo':
      return { kind: 'yesNo', value: true };
    case 'countTarget':
      return { kind: 'count', value: scoring.target };
    case 'ratio':
      return { kind: 'ratio', value: 1 };
    case 'graded':
      return { kind: 'grade', label: [...scoring.levels].sort((a, b) => b.points - a.points)[0].label };
    case 'deduction':
      return { kind: 'occurrences', value: 0 };
    case 'bonus':
      return { kind: 'items', value: 1 };
  }
}

/** Answers every indicator still unscored (no proposal and no entry). */
function fillUnscored(view: AssessmentView) {
  const unscored = new Set(view.result.problems.filter((problem) => problem.kind === 'unscored').map((problem) => problem.indicatorId));
  return view.indicators.filter((item) => unscored.has(item.id)).map((item) => ({ id: item.id, answer: goodAnswer(item) }));
}

describe('assessments workflow on the demo branch', () => {
  it('start → override needs a note → submit names the unscored indicators → fill → submit → locked → reopen with a reason → resubmit → review', async () => {
    const { core } = await demoBranch();
    const view = await start(core);
    expect(view).toMatchObject({ year: 2025, status: 'draft', submittedOn: null, review: null, summary: null, proposedAsOf: '2026-11-22' });
    expect(view.template).toMatchObject({ id: TEMPLATE, name: '五星三强（参考模板）', version: 1, status: '参考' });
    expect(view.levels.map((level) => level.name)).toContain('四星');
    expect(view.history).toEqual([expect.objectContaining({ action: 'created', note: expect.stringContaining('第 1 版') })]);

    // The proposal, with the 11 支委会 records behind it, in date order.
    const committee = indicator(view, COMMITTEE);
    expect(committee.proposal).toMatchObject({ answer: { kind: 'count', value: 11 }, points: 7.33, manual: false });
    expect(committee.proposal.records).toHaveLength(11);
    expect(committee.proposal.records.every((record) => record.typeLabel.includes('支部委员会会议') && record.date.startsWith('2025-'))).toBe(true);
    expect(committee.proposal.records.map((record) => record.date)).toEqual([...committee.proposal.records.map((record) => record.date)].sort());
    expect(committee).toMatchObject({ answer: null, finalScore: null, note: null, points: 7.33, overridden: false, met: false });
    const election = indicator(view, 'leadership-election');
    expect(election.proposal).toMatchObject({ answer: null, points: null, manual: true, records: [] });
    expect(election).toMatchObject({ points: 0, required: true, scoring: { type: 'yesNo' } });
    expect(view.result.problems.some((problem) => problem.kind === 'unscored' && problem.indicatorId === 'leadership-election')).toBe(true);

    // A second one for the same year and template is refused, pointing to the existing one.
    const second = await refused(core, 'assessments:start', { templateId: TEMPLATE, year: 2025 });
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toContain('请打开已有的那份');

    // Override without a note: refused, field-level, naming the indicator; nothing saved.
    const noNote = await refused(core, 'assessments:save', { id: view.id, indicators: [{ id: COMMITTEE, finalScore: 8 }] });
    expect(noNote.code).toBe('VALIDATION');
    expect(noNote.details).toEqual([
      { path: `indicators.${COMMITTEE}.note`, label: `指标“${committee.text}”`, message: expect.stringContaining('与建议分 7.33 不同，请写明理由') },
    ]);
    expect(indicator(await get(core, view.id), COMMITTEE).finalScore).toBeNull();

    // An answer of the wrong kind and a score over the maximum are refused too.
    const wrong = await refused(core, 'assessments:save', {
      id: view.id,
      indicators: [
        { id: 'leadership-duties', answer: { kind: 'grade', label: '优秀' } },
        { id: 'leadership-election', answer: { kind: 'count', value: 1 } },
        { id: 'leadership-training', finalScore: 9, note: '多次参加' },
      ],
    });
    expect(wrong.details?.map((problem) => problem.path).sort()).toEqual([
      'indicators.leadership-duties.answer',
      'indicators.leadership-election.answer',
      'indicators.leadership-training.finalScore',
    ]);

    const saved = await call<AssessmentView>(core, 'assessments:save', {
      id: view.id,
      indicators: [{ id: COMMITTEE, finalScore: 8, note: '8月支委会因台风改为9月2日召开，实际召开12次' }],
      summary: '全年组织生活基本正常。',
    });
    expect(indicator(saved, COMMITTEE)).toMatchObject({ finalScore: 8, overridden: true, points: 8, note: expect.stringContaining('台风') });
    expect(saved.summary).toBe('全年组织生活基本正常。');

    // Submitting with manual indicators unscored: refused, each named, nothing changes.
    const early = await refused(core, 'assessments:submit', { id: view.id });
    expect(early.code).toBe('VALIDATION');
    expect(early.message).toContain('处理后才能提交');
    expect(early.details).toContainEqual({ path: 'indicators.leadership-election.answer', label: `指标“${election.text}”`, message: '尚未评分（需手工评分）' });
    const unscoredIds = fillUnscored(saved).map((entry) => entry.id);
    expect(early.details?.map((problem) => problem.path).sort()).toEqual(unscoredIds.map((id) => `indicators.${id}.answer`).sort());
    expect((await get(core, view.id)).status).toBe('draft');

    // Fill every manual indicator, then submit (date defaults to today).
    const filled = await call<AssessmentView>(core, 'assessments:save', { id: view.id, indicators: fillUnscored(saved), summary: '全年组织生活基本正常。' });
    expect(filled.result.problems).toEqual([]);
    expect(indicator(filled, COMMITTEE).finalScore).toBe(8); // not listed, so kept
    const submitted = await call<AssessmentView>(core, 'assessments:submit', { id: view.id });
    expect(submitted).toMatchObject({ status: 'submitted', submittedOn: '2026-11-22' });
    expect(submitted.history.map((entry) => entry.action)).toEqual(['created', 'submitted']);
    expect(submitted.history[1].note).toContain(`自评总分 ${submitted.result.totalPoints}`);

    // Locked: every change but reopen (and review) is refused, and nothing moves.
    const before = JSON.stringify(await get(core, view.id));
    const attempts: [string, unknown][] = [
      ['assessments:save', { id: view.id, indicators: [{ id: 'leadership-training', answer: { kind: 'yesNo', value: false } }] }],
      ['assessments:refresh', { id: view.id }],
      ['assessments:submit', { id: view.id }],
      ['assessments:delete', { id: view.id }],
      ['assessments:addAttachment', { id: view.id, indicatorId: 'base-venue', fileName: '活动室.png', contentBase64: PNG.toString('base64') }],
    ];
    for (const [method, input] of attempts) {
      const error = await refused(core, method, input);
      expect(error.code, method).toBe('CONFLICT');
    }
    expect((await refused(core, 'assessments:save', attempts[0][1])).message).toContain('请先“重新打开”并写明原因');
    // The database holds the lock too, for any path that forgot to ask.
    const db = core.store.unsafeDatabase();
    expect(() => db.prepare(`UPDATE assessment_indicators SET final_score = 0 WHERE assessment_id = ?`).run(view.id)).toThrow(/locked/);
    expect(() => db.prepare(`INSERT INTO assessment_vetoes (assessment_id, veto_id, note) VALUES (?, 'veto-fraud', 'x')`).run(view.id)).toThrow(/locked/);
    expect(() => db.prepare('UPDATE assessment_history SET note = NULL WHERE assessment_id = ?').run(view.id)).toThrow(/append-only/);
    expect(JSON.stringify(await get(core, view.id))).toBe(before);

    // Reopen needs a reason, which is recorded.
    expect((await refused(core, 'assessments:reopen', { id: view.id, reason: '  ' })).code).toBe('VALIDATION');
    const reopened = await call<AssessmentView>(core, 'assessments:reopen', { id: view.id, reason: '街道党工委要求补充发展党员材料' });
    expect(reopened).toMatchObject({ status: 'draft', submittedOn: null });
    expect(reopened.history.at(-1)).toMatchObject({ action: 'reopened', note: '街道党工委要求补充发展党员材料' });
    expect(indicator(reopened, COMMITTEE).finalScore).toBe(8);

    // Resubmit on a given date: not in the future.
    expect((await refused(core, 'assessments:submit', { id: view.id, submittedOn: '2026-11-23' })).details?.[0]).toMatchObject({ path: 'submittedOn' });
    const resubmitted = await call<AssessmentView>(core, 'assessments:submit', { id: view.id, submittedOn: '2026-11-20' });
    expect(resubmitted.submittedOn).toBe('2026-11-20');

    // Review: not before submission, level must be one of the template's.
    const badReview = await refused(core, 'assessments:review', { id: view.id, reviewedOn: '2026-11-19', reviewerScore: 110, reviewerLevel: '优秀' });
    expect(badReview.details?.map((problem) => problem.path).sort()).toEqual(['reviewedOn', 'reviewerLevel']);
    expect(badReview.details?.find((problem) => problem.path === 'reviewerLevel')?.message).toContain('五星三强、五星、四星');
    const reviewed = await call<AssessmentView>(core, 'assessments:review', {
      id: view.id,
      reviewedOn: '2026-11-21',
      reviewerScore: 110,
      reviewerLevel: '四星',
      reviewComment: '发展党员材料需规范',
    });
    expect(reviewed).toMatchObject({ status: 'reviewed', review: { reviewedOn: '2026-11-21', reviewerScore: 110, reviewerLevel: '四星', reviewComment: '发展党员材料需规范' } });
    expect(reviewed.history.map((entry) => entry.action)).toEqual(['created', 'submitted', 'reopened', 'submitted', 'reviewed']);
    expect((await refused(core, 'assessments:review', { id: view.id, reviewedOn: '2026-11-22', reviewerScore: 100 })).code).toBe('CONFLICT');
    expect((await refused(core, 'assessments:save', { id: view.id, indicators: [] })).code).toBe('CONFLICT');

    const [summary] = await call<AssessmentSummary[]>(core, 'assessments:list');
    expect(summary).toMatchObject({ id: view.id, year: 2025, status: 'reviewed', templateVersion: 1, reviewerScore: 110, reviewerLevel: '四星', totalPoints: reviewed.result.totalPoints, level: reviewed.result.level.name });

    // Reopening a reviewed one clears the review from the row; the history keeps it.
    const again = await call<AssessmentView>(core, 'assessments:reopen', { id: view.id, reason: '审核意见要求补充材料后重报' });
    expect(again).toMatchObject({ status: 'draft', review: null });
    expect(again.history.find((entry) => entry.action === 'reviewed')?.note).toContain('审核得分 110；审核等级 四星；审核意见：发展党员材料需规范');
  });

  it('keeps the exact template version it started with when the catalog later offers a newer one', async () => {
    const { core, clock } = await demoBranch();
    const started = await start(core);
    const v1 = SHIPPED_RUBRICS.find((template) => template.id === TEMPLATE)!;
    const v2: RubricTemplate = structuredClone(v1);
    v2.version = 2;
    v2.name = '五星三强（2027 年版）';
    v2.indicators.find((item) => item.id === 'leadership-training')!.text = '书记和委员参加上级组织的年度培训';
    // A fake catalog offering v1 and v2 (current), like the store of imported versions will.
    const services = core.services;
    const assessments = createAssessmentsService(
      { store: core.store, clock, host: 'cli', dataDir: core.dataDir, appVersion: 'test', installedFonts: () => null },
      { compliance: services.compliance, participation: services.participation, talks: services.talks, orgLife: services.orgLife, followUps: services.followUps, meetings: services.meetings, democraticReview: services.democraticReview },
      catalogOf([v1, v2]),
    );
    expect(assessments.templates().find((item: AssessmentTemplateItem) => item.id === TEMPLATE)).toMatchObject({ version: 2, name: '五星三强（2027 年版）' });

    for (const view of [assessments.get({ id: started.id }), assessments.refresh({ id: started.id })]) {
      expect(view.template).toMatchObject({ version: 1, name: '五星三强（参考模板）' });
      expect(indicator(view, 'leadership-training').text).toBe('书记参加上级组织的年度培训');
    }
    const filled = assessments.save({ id: started.id, indicators: fillUnscored(started).map((entry) => ({ ...entry, finalScore: null, note: null })), vetoes: [], summary: null });
    expect(assessments.submit({ id: started.id }).template.version).toBe(1);
    expect(filled.template.version).toBe(1);

    // A new assessment takes the current version.
    const next = assessments.start({ templateId: TEMPLATE, year: 2024 });
    expect(next.template).toMatchObject({ version: 2, name: '五星三强（2027 年版）' });
    expect(indicator(next, 'leadership-training').text).toBe('书记和委员参加上级组织的年度培训');
    // Newest year first; each row says its version.
    expect(assessments.list().map((row) => [row.year, row.templateVersion, row.status])).toEqual([
      [2025, 1, 'submitted'],
      [2024, 2, 'draft'],
    ]);
    // Through the app's own (shipped) catalog the 2024 one still shows v2.
    expect((await get(core, next.id)).template.version).toBe(2);
  });

  it('refresh recomputes proposals from the records, keeps the secretary\'s entries and records what changed; submission freezes them', async () => {
    const { core } = await demoBranch();
    const view = await start(core);
    await call(core, 'assessments:save', {
      id: view.id,
      indicators: [
        { id: COMMITTEE, finalScore: 8, note: '8月会议改期' },
        { id: 'leadership-duties', answer: { kind: 'grade', label: '较好' } },
      ],
      vetoes: [],
    });
    const committeeRecords = indicator(view, COMMITTEE).proposal.records;
    await call(core, 'meetings:delete', { id: committeeRecords[0].id });

    const refreshed = await call<AssessmentView>(core, 'assessments:refresh', { id: view.id });
    const committee = indicator(refreshed, COMMITTEE);
    expect(committee.proposal).toMatchObject({ answer: { kind: 'count', value: 10 }, points: 6.67 });
    expect(committee.proposal.records.map((record) => record.id)).not.toContain(committeeRecords[0].id);
    expect(committee).toMatchObject({ finalScore: 8, note: '8月会议改期', points: 8, overridden: true });
    expect(indicator(refreshed, 'leadership-duties')).toMatchObject({ answer: { kind: 'grade', label: '较好' }, points: 3 });
    expect(refreshed.history.at(-1)).toMatchObject({ action: 'refreshed', note: expect.stringContaining('7.33 → 6.67') });

    // After submission the proposal is frozen: a record deleted later leaves the points alone and
    // drops out of the evidence list (its id stays stored).
    await call(core, 'assessments:save', { id: view.id, indicators: fillUnscored(refreshed), vetoes: [] });
    await call(core, 'assessments:submit', { id: view.id });
    await call(core, 'meetings:delete', { id: committee.proposal.records[0].id });
    const frozen = indicator(await get(core, view.id), COMMITTEE);
    expect(frozen.proposal.points).toBe(6.67);
    expect(frozen.proposal.records).toHaveLength(9);
    const stored = core.store.assessments.indicators(view.id).find((row) => row.indicatorId === COMMITTEE)!;
    expect(stored.proposal.recordIds).toHaveLength(10);
  });

  it('vetoes need a note and light the cap; the result follows', async () => {
    const { core } = await demoBranch();
    const view = await start(core);
    const noNote = await refused(core, 'assessments:save', { id: view.id, indicators: [], vetoes: [{ id: 'veto-fraud' }] });
    expect(noNote.details).toEqual([expect.objectContaining({ path: 'vetoes.veto-fraud.note' })]);
    expect((await refused(core, 'assessments:save', { id: view.id, indicators: [], vetoes: [{ id: 'veto-nope', note: 'x' }] })).details?.[0].path).toBe('vetoes.0.id');
    const hit = await call<AssessmentView>(core, 'assessments:save', { id: view.id, indicators: [], vetoes: [{ id: 'veto-fraud', note: '2025年5月台账补记被通报' }] });
    expect(hit.vetoes.find((veto) => veto.id === 'veto-fraud')).toMatchObject({ hit: true, note: '2025年5月台账补记被通报' });
    expect(hit.result.vetoesHit).toEqual(['veto-fraud']);
    expect(hit.result.level.name).toBe('不评星');
  });

  it('evidence files per indicator: add, read back, refuse duplicates and unknown indicators, remove; refused once submitted', async () => {
    const { core } = await demoBranch();
    const view = await start(core);
    const add = (indicatorId: string, fileName: string, bytes: Buffer) =>
      call<AssessmentView>(core, 'assessments:addAttachment', { id: view.id, indicatorId, fileName, contentBase64: bytes.toString('base64') });

    const withFile = await add('base-venue', '活动室照片.png', PNG);
    const [file] = indicator(withFile, 'base-venue').attachments;
    expect(file).toMatchObject({ fileName: '活动室照片.png', size: PNG.length, mime: 'image/png' });
    expect(existsSync(storedPath(core.dataDir, sha256(PNG)))).toBe(true);
    const content = await call<AttachmentContent>(core, 'assessments:getAttachment', { attachmentId: file.id });
    expect(Buffer.from(content.contentBase64, 'base64').equals(PNG)).toBe(true);

    const twice = await refused(core, 'assessments:addAttachment', { id: view.id, indicatorId: 'base-venue', fileName: '又一张.png', contentBase64: PNG.toString('base64') });
    expect(twice.details?.[0]).toMatchObject({ path: 'contentBase64', message: expect.stringContaining('内容相同') });
    const unknown = await refused(core, 'assessments:addAttachment', { id: view.id, indicatorId: 'no-such', fileName: 'a.pdf', contentBase64: PDF.toString('base64') });
    expect(unknown.details?.[0]).toMatchObject({ path: 'indicatorId', label: '指标' });
    const empty = await refused(core, 'assessments:addAttachment', { id: view.id, indicatorId: 'base-funds', fileName: '空.pdf', contentBase64: '' });
    expect(empty.details?.[0].message).toContain('空文件');

    const pdfView = await add('base-funds', '经费预算.pdf', PDF);
    const pdf = indicator(pdfView, 'base-funds').attachments[0];
    const removed = await call<AssessmentView>(core, 'assessments:removeAttachment', { attachmentId: pdf.id });
    expect(indicator(removed, 'base-funds').attachments).toEqual([]);
    expect(existsSync(storedPath(core.dataDir, sha256(PDF)))).toBe(false);
    expect((await refused(core, 'assessments:getAttachment', { attachmentId: pdf.id })).code).toBe('NOT_FOUND');

    await call(core, 'assessments:save', { id: view.id, indicators: fillUnscored(view), vetoes: [] });
    await call(core, 'assessments:submit', { id: view.id });
    expect((await refused(core, 'assessments:addAttachment', { id: view.id, indicatorId: 'base-funds', fileName: '经费预算.pdf', contentBase64: PDF.toString('base64') })).code).toBe('CONFLICT');
    expect((await refused(core, 'assessments:removeAttachment', { attachmentId: file.id })).code).toBe('CONFLICT');
    expect(existsSync(storedPath(core.dataDir, sha256(PDF)))).toBe(false);
    // Still readable when locked.
    expect((await call<AttachmentContent>(core, 'assessments:getAttachment', { attachmentId: file.id })).fileName).toBe('活动室照片.png');
  });

  it('evidence files survive the start-up purge and orphan sweep, also when a deleted meeting shared the content', async () => {
    const { core } = await demoBranch();
    const view = await start(core);
    const [meeting] = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025 });
    await call(core, 'attachments:add', { meetingId: meeting.id, kind: 'photo', fileName: '现场.png', contentBase64: PNG.toString('base64') });
    const added = await call<AssessmentView>(core, 'assessments:addAttachment', { id: view.id, indicatorId: 'base-venue', fileName: '活动室.png', contentBase64: PNG.toString('base64') });
    await call(core, 'assessments:addAttachment', { id: view.id, indicatorId: 'base-funds', fileName: '经费.pdf', contentBase64: PDF.toString('base64') });
    await call(core, 'meetings:delete', { id: meeting.id });
    // Old enough for the sweep to take them if nothing named them.
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const bytes of [PNG, PDF]) utimesSync(storedPath(core.dataDir, sha256(bytes)), longAgo, longAgo);
    core.close();

    const reopened = tempCore({ dataDir: core.dataDir });
    // The meeting was purged with its attachment row…
    expect(await reopened.dispatch('meetings:get', { id: meeting.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // …but both files stay, still named by the assessment.
    for (const bytes of [PNG, PDF]) expect(existsSync(storedPath(core.dataDir, sha256(bytes)))).toBe(true);
    const attachmentId = indicator(added, 'base-venue').attachments[0].id;
    const content = await call<AttachmentContent>(reopened, 'assessments:getAttachment', { attachmentId });
    expect(Buffer.from(content.contentBase64, 'base64').equals(PNG)).toBe(true);
  });

  it('deletes drafts only: never a submitted one, nor one reopened after submission; files go with the draft', async () => {
    const { core } = await demoBranch();
    const draft = await start(core, 2025);
    await call(core, 'assessments:addAttachment', { id: draft.id, indicatorId: 'base-venue', fileName: '活动室.png', contentBase64: PNG.toString('base64') });
    expect(await call(core, 'assessments:delete', { id: draft.id })).toEqual({ id: draft.id });
    expect((await refused(core, 'assessments:get', { id: draft.id })).code).toBe('NOT_FOUND');
    expect(existsSync(storedPath(core.dataDir, sha256(PNG)))).toBe(false);
    expect(await call<AssessmentSummary[]>(core, 'assessments:list')).toEqual([]);

    // The year is free again.
    const kept = await start(core, 2025);
    await call(core, 'assessments:save', { id: kept.id, indicators: fillUnscored(kept), vetoes: [] });
    await call(core, 'assessments:submit', { id: kept.id });
    expect((await refused(core, 'assessments:delete', { id: kept.id })).code).toBe('CONFLICT');
    await call(core, 'assessments:reopen', { id: kept.id, reason: '补充材料' });
    const wasSubmitted = await refused(core, 'assessments:delete', { id: kept.id });
    expect(wasSubmitted).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('曾经提交过') });
    expect((await get(core, kept.id)).history.map((entry) => entry.action)).toEqual(['created', 'submitted', 'reopened']);
  });

  it('lists assessments newest year first with totals, stars and dimensions to compare years; refuses future years and unknown templates', async () => {
    const { core } = await demoBranch();
    const older = await start(core, 2024);
    const newer = await start(core, 2025);
    const other = await start(core, 2025, 'star-branch-100');
    const list = await call<AssessmentSummary[]>(core, 'assessments:list');
    expect(list.map((row) => [row.year, row.templateId])).toEqual([
      [2025, 'star-branch-100'],
      [2025, TEMPLATE],
      [2024, TEMPLATE],
    ]);
    const row = list.find((candidate) => candidate.id === newer.id)!;
    expect(row).toMatchObject({ status: 'draft', totalPoints: newer.result.totalPoints, maxPoints: newer.result.maxPoints, level: newer.result.level.name, starCount: newer.result.litStars.length });
    expect(row.dimensions.map((dimension) => dimension.id)).toEqual(newer.dimensions.map((dimension) => dimension.id));
    // 2024 has no records in the demo branch, so its proposals are lower.
    expect(list.find((candidate) => candidate.id === older.id)!.totalPoints).toBeLessThan(row.totalPoints);
    expect(other.template.id).toBe('star-branch-100');

    expect((await refused(core, 'assessments:start', { templateId: TEMPLATE, year: 2027 })).details?.[0].path).toBe('year');
    expect((await refused(core, 'assessments:start', { templateId: 'nope', year: 2025 })).code).toBe('NOT_FOUND');
    expect((await refused(core, 'assessments:get', { id: 9999 })).code).toBe('NOT_FOUND');
  });
});
