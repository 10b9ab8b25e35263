import type { AssessmentIndicatorView, AssessmentView, EvidenceRecord } from '../../shared/contract/assessments';
import { formatChineseDate } from '../../shared/domain/dates';
import {
  abridged,
  differsFromProposal,
  isDraft,
  litText,
  monthDay,
  percentReason,
  pointsText,
  printable,
  recordsByLabel,
  schemeName,
  sentence,
  templateNotice,
  unscored,
  withoutRequests,
  type AssessmentBranchInfo,
} from './assessmentText';
import { chineseOrdinal, tightenSpaces, type DocBlock, type DocSection, type DocumentModel } from './documentModel';

// 五星三强自评报告 (issue 6 item 5) as a plain document model, laid out by renderDocx in the GB/T
// 9704 or the unit preset. Drafted from the assessment for the secretary to edit: the branch's facts,
// the score summary table, per dimension what the records show (how many meetings, on which days,
// what is missing) with the secretary's notes, problems and next steps (the secretary's own summary
// when written, else drafted from the indicators not met), and an index of every record and file
// behind each indicator. A draft says 草稿 under the title and in a notice, so it is not sent.

export interface AssessmentReportInput {
  view: AssessmentView;
  branch: AssessmentBranchInfo;
  /** 落款 date (ISO): the submission date, or today for a draft. */
  date: string;
}

/** Records listed day by day in the narrative up to this many; beyond it the count is given. */
const NARRATED_RECORDS = 24;
/** Indicators named in a next-step line before “等”. */
const NAMED_IN_PLAN = 3;

const para = (text: string, lead?: string): DocBlock => ({ kind: 'paragraph', text: tightenSpaces(text), ...(lead ? { lead: tightenSpaces(lead) } : {}) });
const heading2 = (text: string): DocBlock => ({ kind: 'heading', level: 2, text: tightenSpaces(text) });

/** 3月12日 within the assessment's year, 2024年12月30日 outside it. */
function dateIn(iso: string, year: number): string {
  return Number(iso.slice(0, 4)) === year ? monthDay(iso) : formatChineseDate(iso);
}

/** 1月8日、2月7日…, a day with several records once: “11月7日（2次）”. */
function daysOf(records: readonly EvidenceRecord[], year: number): string {
  const days = new Map<string, number>();
  for (const record of records) days.set(record.date, (days.get(record.date) ?? 0) + 1);
  return [...days].map(([date, count]) => `${dateIn(date, year)}${count > 1 ? `（${count}次）` : ''}`).join('、');
}

/** “支部委员会会议11次：1月15日、2月12日……” per type, or the count when there are many. */
function recordsSentence(records: readonly EvidenceRecord[], year: number): string | null {
  if (!records.length) return null;
  if (records.length > NARRATED_RECORDS) return `以上依据全年${records.length}份会议记录统计`;
  return recordsByLabel(records)
    .map((group) => `${group.label}${group.records.length}次：${daysOf(group.records, year)}`)
    .join('；');
}

function scoreSentence(indicator: AssessmentIndicatorView): string {
  if (unscored(indicator)) return '尚未评分';
  if (indicator.scoringType === 'bonus') return `加${pointsText(indicator.points)}分（最多加${pointsText(indicator.maxPoints)}分）`;
  const proposed = indicator.proposal.points;
  const adjusted = differsFromProposal(indicator) && proposed !== null ? `，系统建议${pointsText(proposed)}分` : '';
  return `自评${pointsText(indicator.points)}分（满分${pointsText(indicator.maxPoints)}分${adjusted}）`;
}

/** The secretary's answer in words: 评定为“较好”档, 完成1次, 比例95%. */
function answerText(indicator: AssessmentIndicatorView): string | null {
  const answer = indicator.answer ?? indicator.proposal.answer;
  if (!answer) return null;
  switch (answer.kind) {
    case 'grade':
      return `评定为“${answer.label}”档`;
    case 'yesNo':
      return answer.value ? null : '未完成';
    case 'count':
      return `全年完成${answer.value}次`;
    case 'ratio':
      return `比例为${Math.round(answer.value * 1000) / 10}%`;
    case 'occurrences':
      return `发现问题${answer.value}处`;
    case 'items':
      return null;
  }
}

/** What the records show, as a report states it: a long list cut short, no requests to enter data; null for a manual indicator. */
function factsOf(indicator: AssessmentIndicatorView): string | null {
  if (indicator.proposal.manual || !indicator.proposal.text) return null;
  return printable(withoutRequests(abridged(indicator.proposal.text, indicator.rule))) || null;
}

/** What the records show for one indicator, its score and the secretary's note, as one paragraph. */
export function indicatorNarrative(indicator: AssessmentIndicatorView, year: number): string {
  const parts: string[] = [];
  const facts = factsOf(indicator);
  if (facts) parts.push(sentence(facts));
  else if (indicator.answer) {
    const answered = answerText(indicator);
    if (answered) parts.push(sentence(answered));
  }
  const records = recordsSentence(indicator.proposal.records, year);
  if (records) parts.push(sentence(records));
  if (indicator.note?.trim()) parts.push(sentence(indicator.note));
  if (indicator.attachments.length) parts.push(sentence(`佐证材料：${indicator.attachments.map((file) => file.fileName).join('、')}`));
  parts.push(sentence(scoreSentence(indicator)));
  return parts.join('');
}

/** Indicator texts instead of ids in the engine's reason (“必达指标未达标：leadership-election”). */
function dimensionReason(view: AssessmentView, reason: string): string {
  return printable(
    reason.replace(/必达指标未达标：(.+)$/, (_, ids: string) => `必达指标“${ids.split('、').map((id) => view.indicators.find((item) => item.id === id)?.text ?? id).join('”“')}”未达标`),
  );
}

function overviewSection(branch: AssessmentBranchInfo): DocSection {
  const founded = branch.foundedOn ? `成立于${formatChineseDate(branch.foundedOn)}` : '';
  const parent = branch.parentOrg ? `隶属${branch.parentOrg}` : '';
  const opening = [founded, parent].filter(Boolean).join('，');
  const { total, full, probationary } = branch.members;
  const groups = branch.groups.length ? `；下设${branch.groups.join('、')}${branch.groups.length}个党小组` : '';
  const blocks: DocBlock[] = [
    para(`${branch.name}${opening ? `${opening}。` : '。'}截至${formatChineseDate(branch.asOf)}，支部共有党员${total}名，其中正式党员${full}名、预备党员${probationary}名${groups}。`),
  ];
  if (branch.committee.length) {
    blocks.push(para(`支部委员会由${branch.committee.length}名委员组成：${branch.committee.map((seat) => `${seat.role}${seat.name}`).join('，')}。`));
  } else {
    blocks.push(para('支部未设支部委员会。'));
  }
  return { heading: '一、支部基本情况', blocks };
}

function scoreSection(view: AssessmentView): DocSection {
  const { result } = view;
  const stars = result.dimensions.filter((dimension) => dimension.kind === 'star');
  const qualifiers = result.dimensions.filter((dimension) => dimension.kind === 'qualifier');
  const litStars = stars.filter((dimension) => dimension.lit).map((dimension) => dimension.name);
  const litQualifiers = qualifiers.filter((dimension) => dimension.lit).map((dimension) => dimension.name);
  const unlitQualifiers = qualifiers.filter((dimension) => !dimension.lit).map((dimension) => dimension.name);

  const facts = [`自评总分${pointsText(result.totalPoints)}分（满分${pointsText(result.maxPoints)}分）`];
  if (stars.length) facts.push(litStars.length ? `点亮${litStars.join('、')}共${litStars.length}颗星` : '未点亮星');
  if (qualifiers.length) {
    if (litQualifiers.length) facts.push(`达到${litQualifiers.map((name) => `“${name}”`).join('')}`);
    if (unlitQualifiers.length) facts.push(`${unlitQualifiers.map((name) => `“${name}”`).join('')}${unlitQualifiers.length > 1 ? '均' : ''}未达到`);
  }
  const blocks: DocBlock[] = [para(templateNotice(view)), para(`经自评，${facts.join('，')}，自评等级为“${result.level.name}”。`)];
  if (result.vetoesHit.length) {
    const hit = view.vetoes.filter((veto) => veto.hit);
    blocks.push(para(`存在一票否决事项：${hit.map((veto) => `${veto.text}${veto.note ? `（${veto.note}）` : ''}`).join('；')}。`));
  }
  if (result.capsApplied.length) blocks.push(para(`评定说明：${sentence(printable(result.explanation.replace(' → ', '，评定为')))}`));
  const open = result.problems.filter((problem) => problem.kind === 'unscored').length;
  if (isDraft(view) && open) blocks.push(para(`尚有${open}项指标未评分，提交前请补全。`));

  const rows = result.dimensions.map((dimension, index) => [String(index + 1), dimension.name, pointsText(dimension.maxPoints), pointsText(dimension.points), litText(dimension)]);
  rows.push(['合计', pointsText(result.maxPoints), pointsText(result.totalPoints), stars.length ? `${litStars.length}颗星` : '—']);
  rows.push(['自评等级', result.level.name]);
  blocks.push({
    kind: 'table',
    widths: [10, 34, 14, 18, 18],
    header: ['序号', '项目', '满分', '自评得分', '是否点亮'],
    rows,
    spans: [...result.dimensions.map(() => undefined), [2, 1, 1, 1], [2, 3]],
    centredColumns: [0, 2, 3, 4],
  });
  return { heading: '二、自评得分情况', blocks };
}

function workSection(view: AssessmentView): DocSection {
  const blocks: DocBlock[] = [];
  view.dimensions.forEach((dimension, index) => {
    const scored = view.result.dimensions.find((candidate) => candidate.id === dimension.id);
    blocks.push(heading2(`（${chineseOrdinal(index + 1)}）${dimension.name}`));
    if (scored) {
      const state = scored.kind === 'section' ? '' : `，${litText(scored)}（${dimensionReason(view, percentReason(scored.reason))}）`;
      blocks.push(para(`本项满分${pointsText(scored.maxPoints)}分，自评${pointsText(scored.points)}分${state}。`));
    }
    view.indicators
      .filter((indicator) => indicator.dimensionId === dimension.id)
      .forEach((indicator, position) => blocks.push(para(indicatorNarrative(indicator, view.year), `${position + 1}. ${indicator.text}。`)));
  });
  return { heading: '三、各项工作情况', blocks };
}

/** Why an indicator fell short: the secretary's note, else what the records show, else the answer given. */
function shortfall(indicator: AssessmentIndicatorView): string {
  if (indicator.note?.trim()) return indicator.note.trim().replace(/[。；]$/, '');
  if (unscored(indicator)) return '尚未评分';
  const facts = factsOf(indicator);
  if (facts) return facts;
  return answerText(indicator) ?? '未达到评分标准';
}

/** Summary lines as paragraphs; a short line numbered （一） becomes a sub-heading. */
function summaryBlocks(summary: string): DocBlock[] {
  return summary
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (/^（[一二三四五六七八九十]+）/.test(line) && [...line].length <= 30 ? heading2(line) : para(line)));
}

function problemsSection(view: AssessmentView): DocSection {
  if (view.summary?.trim()) return { heading: '四、存在问题和下一步打算', blocks: summaryBlocks(view.summary) };
  const unmet = view.indicators.filter((indicator) => !indicator.met && indicator.scoringType !== 'bonus');
  const blocks: DocBlock[] = [heading2('（一）存在的问题')];
  const problems: string[] = view.vetoes.filter((veto) => veto.hit).map((veto) => `存在一票否决事项：${veto.text}${veto.note ? `（${veto.note}）` : ''}。`);
  for (const indicator of unmet) {
    const score = unscored(indicator) ? '' : `（自评${pointsText(indicator.points)}分，满分${pointsText(indicator.maxPoints)}分）`;
    problems.push(`${indicator.text}：${shortfall(indicator)}${score}。`);
  }
  if (problems.length) problems.forEach((text, index) => blocks.push(para(`${index + 1}. ${text}`)));
  else blocks.push(para('对照评分标准，各项指标均已达标。'));

  blocks.push(heading2('（二）下一步打算'));
  const plans: string[] = [];
  for (const dimension of view.dimensions) {
    const own = unmet.filter((indicator) => indicator.dimensionId === dimension.id);
    if (!own.length) continue;
    const lit = view.result.dimensions.find((candidate) => candidate.id === dimension.id)?.lit ?? false;
    const named = `${own.slice(0, NAMED_IN_PLAN).map((indicator) => `“${indicator.text}”`).join('')}${own.length > NAMED_IN_PLAN ? '等' : ''}`;
    if (dimension.kind !== 'section' && lit) plans.push(`围绕“${dimension.name}”巩固提升，重点抓好${named}工作。`);
    else plans.push(`围绕“${dimension.name}”补齐短板，重点抓好${named}工作${dimension.kind === 'section' ? '' : '，力争下一年度点亮'}。`);
  }
  plans.push('坚持组织生活随开随记、佐证材料随时归档，确保下一年度自评有据可查。');
  plans.forEach((text, index) => blocks.push(para(`${index + 1}. ${text}`)));
  return { heading: '四、存在问题和下一步打算', blocks };
}

/** 1, 2, 3, 5 → “1—3、5”. */
export function numberRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    parts.push(j > i ? `${sorted[i]}${j > i + 1 ? '—' : '、'}${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join('、');
}

/**
 * 附：佐证材料目录: per indicator, every record and file behind it, numbered once; a record already
 * listed under an earlier indicator is referred to by its number. Indicators with nothing in the
 * app list the paper evidence the template asks for.
 */
function evidenceIndex(view: AssessmentView): DocSection {
  const rows: string[][] = [];
  const spans: (number[] | undefined)[] = [];
  const boldRows: number[] = [];
  const numbered = new Map<number, number>();
  let serial = 0;
  const names = new Map(view.dimensions.map((dimension) => [dimension.id, dimension.name]));
  for (const indicator of view.indicators) {
    boldRows.push(rows.length);
    rows.push([`${names.get(indicator.dimensionId) ?? ''}：${tightenSpaces(indicator.text)}`]);
    spans.push([3]);
    const again: number[] = [];
    for (const record of [...indicator.proposal.records].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)) {
      const known = numbered.get(record.id);
      if (known !== undefined) {
        again.push(known);
        continue;
      }
      serial += 1;
      numbered.set(record.id, serial);
      rows.push([String(serial), `${record.typeLabel}记录：${record.topic}`, dateIn(record.date, view.year)]);
      spans.push(undefined);
    }
    if (again.length) {
      rows.push(['', `会议记录另见第${numberRanges(again)}号`, '']);
      spans.push(undefined);
    }
    for (const file of indicator.attachments) {
      serial += 1;
      rows.push([String(serial), `附件：${file.fileName}`, dateIn(file.addedAt.slice(0, 10), view.year)]);
      spans.push(undefined);
    }
    if (!indicator.proposal.records.length && !indicator.attachments.length) {
      serial += 1;
      rows.push([String(serial), `${indicator.evidenceNeeded}（纸质材料，另附）`, '']);
      spans.push(undefined);
    }
  }
  return {
    heading: '附：佐证材料目录',
    newPage: true,
    blocks: [
      para(`按指标列出本软件中的会议记录和附件，同一份记录只编一个序号；未录入本软件的材料注明“纸质材料，另附”。日期未注年份的为${view.year}年。`),
      { kind: 'table', widths: [10, 66, 24], header: ['序号', '佐证材料', '日期'], rows, spans, boldRows, centredColumns: [0, 2], compact: true },
    ],
  };
}

export function assessmentReportTitle(view: AssessmentView): string {
  return `${view.year}年度“${schemeName(view.template.name)}”创建自评报告`;
}

export function assessmentReportModel({ view, branch, date }: AssessmentReportInput): DocumentModel {
  const draft = isDraft(view);
  const notes = [
    ...(draft ? [{ lead: '【草稿】', text: '本报告由尚未提交的自评生成，仅供修改，请勿报送。自评提交后重新导出即为正式文本。' }] : []),
    {
      text: tightenSpaces(
        `根据上级党组织关于开展“${schemeName(view.template.name)}”创建工作的要求，我支部对照评分标准，逐项梳理了${view.year}年度支部建设和组织生活情况，现将自评情况报告如下。`,
      ),
    },
  ];
  return {
    title: [branch.name, assessmentReportTitle(view), ...(draft ? ['（草稿）'] : [])],
    metaRows: [],
    notes,
    sections: [overviewSection(branch), scoreSection(view), workSection(view), problemsSection(view)],
    signatures: [branch.name, formatChineseDate(date)],
    appendix: [evidenceIndex(view)],
  };
}
