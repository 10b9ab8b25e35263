import type { AssessmentIndicatorView, AssessmentView } from '../../../../shared/contract/assessments';
import { scoreAnswer, type IndicatorAnswer } from '../../../../shared/domain/rubricScoring';

/** What the secretary enters per indicator (the save input's row without its id). */
export interface Entry {
  answer: IndicatorAnswer | null;
  finalScore: number | null;
  note: string | null;
}

export interface Entries {
  indicators: Record<string, Entry>;
  vetoes: Record<string, { hit: boolean; note: string | null }>;
  summary: string | null;
}

export function entriesOf(view: AssessmentView): Entries {
  return {
    indicators: Object.fromEntries(view.indicators.map((item) => [item.id, { answer: item.answer, finalScore: item.finalScore, note: item.note }])),
    vetoes: Object.fromEntries(view.vetoes.map((veto) => [veto.id, { hit: veto.hit, note: veto.note }])),
    summary: view.summary,
  };
}

export function saveInputOf(id: number, entries: Entries) {
  return {
    id,
    indicators: Object.entries(entries.indicators).map(([indicatorId, entry]) => ({ id: indicatorId, ...entry })),
    vetoes: Object.entries(entries.vetoes)
      .filter(([, veto]) => veto.hit)
      .map(([vetoId, veto]) => ({ id: vetoId, note: veto.note })),
    summary: entries.summary,
  };
}

/**
 * The points an entry gives, worked out on the page with the engine's own function so the score
 * changes as one types (the saved result follows a moment later): the secretary's answer, else the
 * proposal's; a final score replaces them and then needs a note when it differs.
 */
export function entryScore(indicator: AssessmentIndicatorView, entry: Entry) {
  const answer = entry.answer ?? indicator.proposal.answer;
  const scored = answer ? scoreAnswer(indicator, answer) : null;
  const answerPoints = scored && 'points' in scored ? scored.points : null;
  const overridden = entry.finalScore !== null && entry.finalScore !== answerPoints;
  return {
    answer,
    answerPoints,
    points: entry.finalScore ?? answerPoints,
    overridden,
    needsNote: overridden && !entry.note?.trim(),
  };
}
