import type ExcelJS from 'exceljs';
import type { AssessmentIndicatorView, AssessmentView } from '../../shared/contract/assessments';
import { formatChineseDate } from '../../shared/domain/dates';
import { round2 } from '../../shared/domain/rubricScoring';
import { abridged, criteriaText, differsFromProposal, isDraft, litText, percentReason, pointsText, printable, recordsByLabel, schemeName, statusText, templateNotice, unscored, withoutRequests } from './assessmentText';
import { addLedgerSheet, BORDER, estimateLines, newWorkbook, rowHeightFor, SHEET_FONT, sheetFont, workbookBytes, writeHeader, writeTitle } from './xlsxSheet';

// 自评打分表 (issue 6 item 5; DOMAIN §8 台账 layout): one row per indicator with its 分值, the
// system's proposal and the secretary's final score as numbers, the records and files behind it and
// the secretary's note; a 小计 row per dimension saying whether its star (or 强) is lit; 合计, the
// level, the 一票否决 items and the signature lines. Printed like every 台账: A4 landscape one page
// wide, title rows repeated, frozen header, “第 N 页 共 M 页”. A draft says 草稿 in the title, the
// subtitle and the page header. Pure: plain data in, bytes out.

export const ASSESSMENT_SHEET_NAME = '自评打分表';
/** Title, subtitle, header. */
export const ASSESSMENT_TITLE_ROWS = 3;
export const ASSESSMENT_HEADERS = ['序号', '一级指标', '指标内容', '评分标准', '分值', '系统建议分', '自评得分', '佐证材料', '说明'] as const;

const WIDTHS = [5, 10, 24, 20, 6, 7.5, 7.5, 48, 20];
const COL = { no: 1, dimension: 2, text: 3, criteria: 4, max: 5, proposed: 6, final: 7, evidence: 8, note: 9 } as const;
const LAST = WIDTHS.length;
/** Records listed one per line up to this many; beyond it, dates per type on one line. */
const LISTED_RECORDS = 8;
/** Characters of a record's topic shown in the sheet. */
const TOPIC_CHARS = 16;

const SUBTOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const DRAFT_RED = 'FFC00000';

export interface AssessmentSheetInput {
  branchName: string;
  view: AssessmentView;
  /** Workbook creation time (file properties); tests fix it. */
  createdAt?: Date;
}

/** A record's topic cut to one short line; the report's evidence index has it in full. */
function shortTopic(topic: string): string {
  const chars = [...topic];
  return chars.length > TOPIC_CHARS ? `${chars.slice(0, TOPIC_CHARS - 1).join('')}…` : topic;
}

/** “2025-03-12 支部委员会会议 研究一季度工作” per record, or for many records “支部委员会会议 11 份：1/15、2/12…”. */
export function evidenceText(indicator: AssessmentIndicatorView): string {
  const lines: string[] = [];
  const { proposal, attachments } = indicator;
  // What the records show, a long list cut short (the records are listed below); a 需手工评分
  // sentence, with what to enter, only while the secretary has not scored it.
  if (indicator.rule !== null && proposal.text && (!proposal.manual || unscored(indicator))) {
    const text = abridged(proposal.text, indicator.rule);
    const shown = unscored(indicator) ? text : withoutRequests(text);
    if (shown) lines.push(printable(shown));
  }
  if (proposal.records.length <= LISTED_RECORDS) {
    for (const group of recordsByLabel(proposal.records)) for (const record of group.records) lines.push(`${record.date} ${record.typeLabel} ${shortTopic(record.topic)}`);
  } else {
    for (const group of recordsByLabel(proposal.records)) {
      lines.push(`${group.label} ${group.records.length} 份：${group.records.map((record) => `${Number(record.date.slice(5, 7))}/${Number(record.date.slice(8, 10))}`).join('、')}`);
    }
  }
  if (attachments.length) lines.push(`附件：${attachments.map((file) => file.fileName).join('、')}`);
  if (!proposal.records.length && !attachments.length) lines.push(`应备材料：${indicator.evidenceNeeded}`);
  return lines.join('\n');
}

function noteText(indicator: AssessmentIndicatorView): string {
  const parts: string[] = [];
  if (indicator.note?.trim()) parts.push(indicator.note.trim());
  if (unscored(indicator)) parts.push('尚未评分');
  return parts.join('\n');
}

export function assessmentSheetTitle(branchName: string, view: AssessmentView): string {
  return `${branchName}${view.year}年度“${schemeName(view.template.name)}”自评打分表${isDraft(view) ? '（草稿）' : ''}`;
}

export async function buildAssessmentXlsx(input: AssessmentSheetInput): Promise<Buffer> {
  const { view } = input;
  const { result } = view;
  const workbook = newWorkbook(input.createdAt ?? new Date());
  const sheet = addLedgerSheet(workbook, ASSESSMENT_SHEET_NAME, { widths: WIDTHS, titleRows: ASSESSMENT_TITLE_ROWS, frozenColumns: 0 });
  if (isDraft(view)) {
    // Every printed page of a draft says so at the top, in red.
    sheet.headerFooter.oddHeader = `&R&"${SHEET_FONT},Bold"&12&K${DRAFT_RED.slice(2)}草稿 尚未提交 请勿报送`;
  }

  writeTitle(sheet, assessmentSheetTitle(input.branchName, view), LAST);

  // Row 2: which template and as of when on the left; the state (草稿 / 已提交) on the right.
  const split = COL.final;
  sheet.mergeCells(2, 1, 2, split);
  sheet.mergeCells(2, split + 1, 2, LAST);
  const left = sheet.getCell(2, 1);
  const reference = view.template.status === '参考' && !view.template.name.includes('参考') ? '（参考模板）' : '';
  left.value = `评分模板：${view.template.name}${reference}第${view.template.version}版  系统建议分依据截至${formatChineseDate(view.proposedAsOf)}的记录`;
  left.font = sheetFont({ size: 11 });
  left.alignment = { horizontal: 'left', vertical: 'middle' };
  const right = sheet.getCell(2, split + 1);
  right.value = `状态：${statusText(view)}`;
  right.font = sheetFont({ size: 11, bold: isDraft(view), ...(isDraft(view) ? { color: { argb: DRAFT_RED } } : {}) });
  right.alignment = { horizontal: 'right', vertical: 'middle' };
  sheet.getRow(2).height = 22;

  writeHeader(sheet, ASSESSMENT_TITLE_ROWS, ASSESSMENT_HEADERS, WIDTHS);

  const put = (cell: ExcelJS.Cell, value: string | number | null, align: 'left' | 'center', extra: Partial<ExcelJS.Font> = {}) => {
    cell.value = value === '' ? null : value;
    cell.font = sheetFont(extra);
    cell.border = BORDER;
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };
  // Estimated with a narrower column than the real one: LibreOffice and WPS wrap whole numbers
  // (“10/22”, “12/12”) and keep closing marks with the character before, so lines end early; a long
  // cell gets one line to spare. A row a little too tall prints; a row too short cuts text off.
  const lines = (text: string, column: number) => {
    if (!text) return 1;
    const estimate = estimateLines(text, WIDTHS[column - 1] * 0.85);
    return estimate > 3 ? estimate + 1 : estimate;
  };

  let rowNumber = ASSESSMENT_TITLE_ROWS;
  let serial = 0;
  /** The proposals' sum; blank where the records propose nothing (every indicator 需手工评分). */
  const proposedSum = (items: readonly AssessmentIndicatorView[]) =>
    items.some((item) => item.proposal.points !== null) ? round2(items.reduce((sum, item) => sum + (item.proposal.points ?? 0), 0)) : null;

  for (const dimension of view.dimensions) {
    const items = view.indicators.filter((indicator) => indicator.dimensionId === dimension.id);
    const scored = result.dimensions.find((candidate) => candidate.id === dimension.id);
    // The dimension is named on every row rather than merged down: a merged cell split by a page
    // break prints its name on one page only.
    for (const indicator of items) {
      rowNumber += 1;
      serial += 1;
      const row = sheet.getRow(rowNumber);
      const text = `${indicator.text}${indicator.required ? '（必达）' : ''}`;
      const criteria = criteriaText(indicator);
      const evidence = evidenceText(indicator);
      const note = noteText(indicator);
      put(row.getCell(COL.no), serial, 'center');
      put(row.getCell(COL.dimension), dimension.name, 'center');
      put(row.getCell(COL.text), text, 'left');
      put(row.getCell(COL.criteria), criteria, 'left');
      put(row.getCell(COL.max), indicator.maxPoints, 'center');
      put(row.getCell(COL.proposed), indicator.proposal.points, 'center');
      put(row.getCell(COL.final), unscored(indicator) ? null : indicator.points, 'center', differsFromProposal(indicator) ? { bold: true } : {});
      put(row.getCell(COL.evidence), evidence, 'left');
      put(row.getCell(COL.note), note, 'left');
      row.height = rowHeightFor(Math.max(lines(text, COL.text), lines(criteria, COL.criteria), lines(evidence, COL.evidence), lines(note, COL.note)));
    }

    // 小计: the dimension's max, proposal and points, and whether its star (强) is lit and why.
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    const points = scored?.points ?? round2(items.reduce((sum, item) => sum + item.points, 0));
    const lit = scored ? litText(scored) : '—';
    const why = scored ? printable(percentReason(scored.reason).replace(/必达指标未达标：(.+)$/, (_, ids: string) => `必达指标未达标：${ids.split('、').map((id) => view.indicators.find((item) => item.id === id)?.text ?? id).join('、')}`)) : '';
    const verdict = `${lit === '—' ? '' : `${lit}：`}${why}`;
    for (let column = 1; column <= LAST; column += 1) put(row.getCell(column), null, 'center', { bold: true });
    sheet.mergeCells(rowNumber, COL.no, rowNumber, COL.criteria);
    put(row.getCell(COL.no), `${dimension.name}小计`, 'center', { bold: true });
    put(row.getCell(COL.max), dimension.maxPoints, 'center', { bold: true });
    put(row.getCell(COL.proposed), proposedSum(items), 'center', { bold: true });
    put(row.getCell(COL.final), points, 'center', { bold: true });
    sheet.mergeCells(rowNumber, COL.evidence, rowNumber, COL.note);
    put(row.getCell(COL.evidence), verdict, 'left', { bold: true, ...(scored?.lit ? {} : lit === '未点亮' ? { color: { argb: DRAFT_RED } } : {}) });
    for (let column = 1; column <= LAST; column += 1) row.getCell(column).fill = SUBTOTAL_FILL;
    row.height = rowHeightFor(estimateLines(verdict, WIDTHS[COL.evidence - 1] + WIDTHS[COL.note - 1]));
  }

  // 合计.
  rowNumber += 1;
  const total = sheet.getRow(rowNumber);
  for (let column = 1; column <= LAST; column += 1) put(total.getCell(column), null, 'center', { bold: true });
  sheet.mergeCells(rowNumber, COL.no, rowNumber, COL.criteria);
  put(total.getCell(COL.no), '合计', 'center', { bold: true });
  put(total.getCell(COL.max), result.maxPoints, 'center', { bold: true });
  put(total.getCell(COL.proposed), proposedSum(view.indicators), 'center', { bold: true });
  put(total.getCell(COL.final), result.totalPoints, 'center', { bold: true });
  sheet.mergeCells(rowNumber, COL.evidence, rowNumber, COL.note);
  put(total.getCell(COL.evidence), `自评等级：${result.level.name}`, 'left', { bold: true });
  total.height = rowHeightFor(1);

  // Below the table: level and why, vetoes, review, the template's standing, signatures.
  const width = WIDTHS.reduce((sum, value) => sum + value, 0);
  const line = (text: string, extra: Partial<ExcelJS.Font> = {}, height?: number) => {
    rowNumber += 1;
    sheet.mergeCells(rowNumber, 1, rowNumber, LAST);
    const cell = sheet.getCell(rowNumber, 1);
    cell.value = text;
    cell.font = sheetFont({ size: 11, ...extra });
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    sheet.getRow(rowNumber).height = height ?? rowHeightFor(estimateLines(text, width * 0.9));
  };
  const stars = result.dimensions.filter((dimension) => dimension.kind === 'star');
  const qualifiers = result.dimensions.filter((dimension) => dimension.kind === 'qualifier');
  const litNames = (list: typeof stars) => list.filter((dimension) => dimension.lit).map((dimension) => dimension.name);
  const parts = [`自评总分 ${pointsText(result.totalPoints)} 分（满分 ${pointsText(result.maxPoints)} 分）`];
  if (stars.length) parts.push(`点亮 ${litNames(stars).length} 颗星${litNames(stars).length ? `（${litNames(stars).join('、')}）` : ''}`);
  if (qualifiers.length) parts.push(litNames(qualifiers).length ? `达到${litNames(qualifiers).map((name) => `“${name}”`).join('')}` : '“强”均未达到');
  line(`自评等级：${result.level.name}。${parts.join('，')}。`, { bold: true });
  line(`评定依据：${printable(result.explanation.replace(' → ', '，评定为'))}。`);
  if (view.vetoes.length) {
    line('一票否决事项：', { bold: true }, 20);
    view.vetoes.forEach((veto, index) => line(`${index + 1}. ${veto.text}：${veto.hit ? `有${veto.note ? `（${veto.note}）` : ''}` : '无'}`, veto.hit ? { color: { argb: DRAFT_RED }, bold: true } : {}));
  }
  if (view.review) {
    const review = view.review;
    line(
      `审核结果（${formatChineseDate(review.reviewedOn)}）：审核得分 ${pointsText(review.reviewerScore)} 分${review.reviewerLevel ? `，审核等级 ${review.reviewerLevel}` : ''}${review.reviewComment ? `。审核意见：${review.reviewComment}` : ''}`,
    );
  }
  line(`说明：${templateNotice(view)}系统建议分由本软件根据台账记录算出，自评得分与建议分不同的，在“说明”栏写明理由。`, { size: 9 });
  rowNumber += 1;
  sheet.getRow(rowNumber).height = 12;
  line('填表人（签字）：______________        支部书记（签字）：______________        日期：________年____月____日', { size: 11 }, 30);

  return workbookBytes(workbook);
}

