import type Database from 'better-sqlite3';
import type { AssessmentHistoryEntry, AssessmentStatus } from '../../../shared/contract/assessments';
import type { IndicatorAnswer } from '../../../shared/domain/rubricScoring';

// The yearly self-assessments (migration 0010): the assessment row with its frozen template, one row
// per indicator (proposal + the secretary's entries), vetoes hit, history and evidence files.

interface AssessmentRow {
  id: number;
  year: number;
  template_id: string;
  template_version: number;
  template: string;
  status: AssessmentStatus;
  summary: string | null;
  proposed_as_of: string;
  submitted_on: string | null;
  reviewed_on: string | null;
  reviewer_score: number | null;
  reviewer_level: string | null;
  review_comment: string | null;
  created_at: string;
  updated_at: string;
}

interface IndicatorRow {
  indicator_id: string;
  proposal_answer: string | null;
  proposal_points: number | null;
  proposal_manual: number;
  proposal_text: string;
  proposal_record_ids: string;
  answer: string | null;
  final_score: number | null;
  note: string | null;
}

interface AttachmentRow {
  id: number;
  assessment_id: number;
  indicator_id: string;
  sha256: string;
  file_name: string;
  size: number;
  mime: string;
  added_at: string;
}

export interface AssessmentStored {
  id: number;
  year: number;
  templateId: string;
  templateVersion: number;
  /** The frozen template, as JSON text (the service parses it). */
  templateJson: string;
  status: AssessmentStatus;
  summary: string | null;
  proposedAsOf: string;
  submittedOn: string | null;
  review: { reviewedOn: string; reviewerScore: number; reviewerLevel: string | null; reviewComment: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredProposal {
  answer: IndicatorAnswer | null;
  points: number | null;
  manual: boolean;
  text: string;
  recordIds: number[];
}

export interface StoredIndicator {
  indicatorId: string;
  proposal: StoredProposal;
  answer: IndicatorAnswer | null;
  finalScore: number | null;
  note: string | null;
}

export interface IndicatorEntry {
  answer: IndicatorAnswer | null;
  finalScore: number | null;
  note: string | null;
}

export interface AssessmentAttachment {
  id: number;
  assessmentId: number;
  indicatorId: string;
  sha256: string;
  fileName: string;
  size: number;
  mime: string;
  addedAt: string;
}

function toStored(row: AssessmentRow): AssessmentStored {
  return {
    id: row.id,
    year: row.year,
    templateId: row.template_id,
    templateVersion: row.template_version,
    templateJson: row.template,
    status: row.status,
    summary: row.summary,
    proposedAsOf: row.proposed_as_of,
    submittedOn: row.submitted_on,
    review:
      row.reviewed_on !== null && row.reviewer_score !== null
        ? { reviewedOn: row.reviewed_on, reviewerScore: row.reviewer_score, reviewerLevel: row.reviewer_level, reviewComment: row.review_comment }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const parseAnswer = (json: string | null): IndicatorAnswer | null => (json === null ? null : (JSON.parse(json) as IndicatorAnswer));
const answerJson = (answer: IndicatorAnswer | null): string | null => (answer === null ? null : JSON.stringify(answer));

function toAttachment(row: AttachmentRow): AssessmentAttachment {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    indicatorId: row.indicator_id,
    sha256: row.sha256,
    fileName: row.file_name,
    size: row.size,
    mime: row.mime,
    addedAt: row.added_at,
  };
}

export function createAssessmentsRepo(db: Database.Database) {
  const selectAll = db.prepare<[], AssessmentRow>('SELECT * FROM assessments ORDER BY year DESC, template_id, id');
  const selectOne = db.prepare<[number], AssessmentRow>('SELECT * FROM assessments WHERE id = ?');
  const selectByYearTemplate = db.prepare<[number, string], AssessmentRow>('SELECT * FROM assessments WHERE year = ? AND template_id = ?');
  const insertAssessment = db.prepare(
    `INSERT INTO assessments (year, template_id, template_version, template, status, proposed_as_of, created_at, updated_at)
     VALUES (@year, @templateId, @templateVersion, @templateJson, 'draft', @proposedAsOf, @now, @now)`,
  );
  const selectIndicators = db.prepare<[number], IndicatorRow>(
    `SELECT indicator_id, proposal_answer, proposal_points, proposal_manual, proposal_text, proposal_record_ids, answer, final_score, note
     FROM assessment_indicators WHERE assessment_id = ? ORDER BY position`,
  );
  const insertIndicator = db.prepare(
    `INSERT INTO assessment_indicators (assessment_id, indicator_id, position, proposal_answer, proposal_points, proposal_manual, proposal_text, proposal_record_ids)
     VALUES (@assessmentId, @indicatorId, @position, @answer, @points, @manual, @text, @recordIds)`,
  );
  const updateProposal = db.prepare(
    `UPDATE assessment_indicators SET proposal_answer = @answer, proposal_points = @points, proposal_manual = @manual, proposal_text = @text,
       proposal_record_ids = @recordIds WHERE assessment_id = @assessmentId AND indicator_id = @indicatorId`,
  );
  const updateEntry = db.prepare(
    `UPDATE assessment_indicators SET answer = @answer, final_score = @finalScore, note = @note
     WHERE assessment_id = @assessmentId AND indicator_id = @indicatorId`,
  );
  const selectVetoes = db.prepare<[number], { veto_id: string; note: string }>('SELECT veto_id, note FROM assessment_vetoes WHERE assessment_id = ? ORDER BY veto_id');
  const deleteVetoes = db.prepare('DELETE FROM assessment_vetoes WHERE assessment_id = ?');
  const insertVeto = db.prepare('INSERT INTO assessment_vetoes (assessment_id, veto_id, note) VALUES (?, ?, ?)');
  const updateSummary = db.prepare('UPDATE assessments SET summary = ?, updated_at = ? WHERE id = ?');
  const updateProposedAsOf = db.prepare('UPDATE assessments SET proposed_as_of = ?, updated_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE assessments SET updated_at = ? WHERE id = ?');
  const markSubmitted = db.prepare(`UPDATE assessments SET status = 'submitted', submitted_on = ?, updated_at = ? WHERE id = ? AND status = 'draft'`);
  const markDraft = db.prepare(
    `UPDATE assessments SET status = 'draft', submitted_on = NULL, reviewed_on = NULL, reviewer_score = NULL, reviewer_level = NULL,
       review_comment = NULL, updated_at = ? WHERE id = ? AND status IN ('submitted', 'reviewed')`,
  );
  const markReviewed = db.prepare(
    `UPDATE assessments SET status = 'reviewed', reviewed_on = @reviewedOn, reviewer_score = @reviewerScore, reviewer_level = @reviewerLevel,
       review_comment = @reviewComment, updated_at = @now WHERE id = @id AND status = 'submitted'`,
  );
  const deleteAssessment = db.prepare(`DELETE FROM assessments WHERE id = ? AND status = 'draft'`);
  const selectHistory = db.prepare<[number], { at: string; action: AssessmentHistoryEntry['action']; note: string | null }>(
    'SELECT at, action, note FROM assessment_history WHERE assessment_id = ? ORDER BY id',
  );
  const insertHistory = db.prepare('INSERT INTO assessment_history (assessment_id, at, action, note) VALUES (?, ?, ?, ?)');
  const countSubmissions = db.prepare<[number], { count: number }>(`SELECT COUNT(*) AS count FROM assessment_history WHERE assessment_id = ? AND action = 'submitted'`);

  const selectAttachments = db.prepare<[number], AttachmentRow>('SELECT * FROM assessment_attachments WHERE assessment_id = ? ORDER BY indicator_id, position');
  const selectAttachment = db.prepare<[number], AttachmentRow>('SELECT * FROM assessment_attachments WHERE id = ?');
  const selectSameAttachment = db.prepare<[number, string, string], AttachmentRow>(
    'SELECT * FROM assessment_attachments WHERE assessment_id = ? AND indicator_id = ? AND sha256 = ?',
  );
  const insertAttachment = db.prepare(
    `INSERT INTO assessment_attachments (assessment_id, indicator_id, position, sha256, file_name, size, mime, added_at)
     VALUES (@assessmentId, @indicatorId,
       (SELECT COALESCE(MAX(position) + 1, 0) FROM assessment_attachments WHERE assessment_id = @assessmentId AND indicator_id = @indicatorId),
       @sha256, @fileName, @size, @mime, @now)`,
  );
  const deleteAttachment = db.prepare('DELETE FROM assessment_attachments WHERE id = ?');
  const selectHashesOf = db.prepare<[number], { sha256: string }>('SELECT DISTINCT sha256 FROM assessment_attachments WHERE assessment_id = ?');

  const proposalParams = (assessmentId: number, indicatorId: string, proposal: StoredProposal) => ({
    assessmentId,
    indicatorId,
    answer: answerJson(proposal.answer),
    points: proposal.points,
    manual: proposal.manual ? 1 : 0,
    text: proposal.text,
    recordIds: JSON.stringify(proposal.recordIds),
  });

  return {
    list(): AssessmentStored[] {
      return selectAll.all().map(toStored);
    },
    get(id: number): AssessmentStored | null {
      const row = selectOne.get(id);
      return row ? toStored(row) : null;
    },
    findByYearTemplate(year: number, templateId: string): AssessmentStored | null {
      const row = selectByYearTemplate.get(year, templateId);
      return row ? toStored(row) : null;
    },
    /** A new draft with its indicators' proposals; call inside a transaction. */
    insert(
      assessment: { year: number; templateId: string; templateVersion: number; templateJson: string; proposedAsOf: string },
      indicators: readonly { indicatorId: string; proposal: StoredProposal }[],
      now: string,
    ): number {
      const id = Number(insertAssessment.run({ ...assessment, now }).lastInsertRowid);
      indicators.forEach((indicator, position) => insertIndicator.run({ ...proposalParams(id, indicator.indicatorId, indicator.proposal), position }));
      return id;
    },
    indicators(id: number): StoredIndicator[] {
      return selectIndicators.all(id).map((row) => ({
        indicatorId: row.indicator_id,
        proposal: {
          answer: parseAnswer(row.proposal_answer),
          points: row.proposal_points,
          manual: row.proposal_manual === 1,
          text: row.proposal_text,
          recordIds: JSON.parse(row.proposal_record_ids) as number[],
        },
        answer: parseAnswer(row.answer),
        finalScore: row.final_score,
        note: row.note,
      }));
    },
    /** Replaces one indicator's proposal, leaving the secretary's entries alone. */
    setProposal(id: number, indicatorId: string, proposal: StoredProposal): void {
      updateProposal.run(proposalParams(id, indicatorId, proposal));
    },
    setProposedAsOf(id: number, asOf: string, now: string): void {
      updateProposedAsOf.run(asOf, now, id);
    },
    setEntry(id: number, indicatorId: string, entry: IndicatorEntry): void {
      updateEntry.run({ assessmentId: id, indicatorId, answer: answerJson(entry.answer), finalScore: entry.finalScore, note: entry.note });
    },
    vetoes(id: number): { vetoId: string; note: string }[] {
      return selectVetoes.all(id).map((row) => ({ vetoId: row.veto_id, note: row.note }));
    },
    replaceVetoes(id: number, vetoes: readonly { vetoId: string; note: string }[]): void {
      deleteVetoes.run(id);
      for (const veto of vetoes) insertVeto.run(id, veto.vetoId, veto.note);
    },
    setSummary(id: number, summary: string | null, now: string): void {
      updateSummary.run(summary, now, id);
    },
    touch(id: number, now: string): void {
      touch.run(now, id);
    },
    /** draft → submitted; false when it was not a draft. */
    submit(id: number, submittedOn: string, now: string): boolean {
      return markSubmitted.run(submittedOn, now, id).changes > 0;
    },
    /** submitted/reviewed → draft, clearing the submission and review (the history keeps them). */
    reopen(id: number, now: string): boolean {
      return markDraft.run(now, id).changes > 0;
    },
    /** submitted → reviewed; false when it was not submitted. */
    review(id: number, review: { reviewedOn: string; reviewerScore: number; reviewerLevel: string | null; reviewComment: string | null }, now: string): boolean {
      return markReviewed.run({ id, ...review, now }).changes > 0;
    },
    /** Deletes a draft with its indicators, vetoes, history and attachment rows. */
    delete(id: number): boolean {
      return deleteAssessment.run(id).changes > 0;
    },
    history(id: number): AssessmentHistoryEntry[] {
      return selectHistory.all(id);
    },
    addHistory(id: number, action: AssessmentHistoryEntry['action'], note: string | null, at: string): void {
      insertHistory.run(id, at, action, note);
    },
    /** How many times it was submitted (reopened ones keep theirs in the history). */
    submissions(id: number): number {
      return countSubmissions.get(id)!.count;
    },

    attachments(id: number): AssessmentAttachment[] {
      return selectAttachments.all(id).map(toAttachment);
    },
    attachment(attachmentId: number): AssessmentAttachment | null {
      const row = selectAttachment.get(attachmentId);
      return row ? toAttachment(row) : null;
    },
    sameAttachment(id: number, indicatorId: string, sha256: string): AssessmentAttachment | null {
      const row = selectSameAttachment.get(id, indicatorId, sha256);
      return row ? toAttachment(row) : null;
    },
    /** Appends after the indicator's last file; call inside a transaction. */
    addAttachment(attachment: Omit<AssessmentAttachment, 'id' | 'addedAt'>, now: string): number {
      return Number(insertAttachment.run({ ...attachment, now }).lastInsertRowid);
    },
    removeAttachment(attachmentId: number): boolean {
      return deleteAttachment.run(attachmentId).changes > 0;
    },
    /** Files an assessment's rows name (to be released once it is deleted). */
    attachmentHashes(id: number): string[] {
      return selectHashesOf.all(id).map((row) => row.sha256);
    },
  };
}
