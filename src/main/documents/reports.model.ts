import type { DemocraticReview } from '../../shared/contract/democraticReview';
import type { MeetingRecord } from '../../shared/contract/meetings';
import { PROBLEM_CATEGORY_LABELS, PROBLEM_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS, type OrgLifeMaterial } from '../../shared/contract/orgLife';
import { formatChineseDate } from '../../shared/domain/dates';
import { REVIEW_GRADE_LABELS, excellentCapMessage } from '../../shared/domain/democraticReview';
import { MEMBER_CATEGORY_LABELS } from '../../shared/domain/member';
import { MEETING_TYPE_LABELS, MEETING_TYPES } from '../../shared/domain/meetingTypes';
import type { YearSummarySection } from '../../shared/domain/yearSummary';
import { chineseOrdinal, type DocBlock, type DocumentModel, type DocSection } from './documentModel';
import type { DocumentBook } from './renderDocx';

// Document models of the Word reports for submission (issue 7 item 2), pure functions of the data
// the services read: the 会议记录 book, 年度工作总结, 组织生活会 materials, 民主评议 results.

const para = (text: string): DocBlock => ({ kind: 'paragraph', text });

/** Free text as paragraphs, one per non-empty line. */
function lines(text: string | null): DocBlock[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(para);
}

// ---- 会议记录 of a period ------------------------------------------------------------------------

export interface MinutesBookContext {
  branchName: string;
  from: string;
  to: string;
  /** 编印日期 on the cover. */
  printedOn: string;
  /** A 党小组's name, so two groups' meetings on one day read apart in the contents. */
  groupName?: (partyGroupId: number | null) => string | null;
}

/** “2025年度” for a whole calendar year, else “2025年3月1日至2025年6月30日”. */
export function periodText(from: string, to: string): string {
  if (from.slice(0, 4) === to.slice(0, 4) && from.slice(5) === '01-01' && to.slice(5) === '12-31') return `${from.slice(0, 4)}年度`;
  return `${formatChineseDate(from)}至${formatChineseDate(to)}`;
}

export function minutesBookFileName(from: string, to: string, bound: boolean): string {
  const period = periodText(from, to);
  return bound ? `${period}会议记录汇编.docx` : `${period.endsWith('年度') ? period : `${from}至${to}`}会议记录.docx`;
}

/**
 * The records as one book. The contents list is computed here in the records' date order (序号,
 * date, type, topic); page numbers are PAGEREF fields to each record's bookmark, filled in by the
 * word processor, because only it knows where the pages break.
 */
export function minutesBook(records: readonly MeetingRecord[], parts: DocumentModel[], context: MinutesBookContext, bound: boolean): DocumentBook {
  const period = periodText(context.from, context.to);
  const oneYear = context.from.slice(0, 4) === context.to.slice(0, 4);
  if (!bound) return { title: `${period}会议记录`, parts };
  return {
    title: `${period}会议记录汇编`,
    cover: { lines: [context.branchName, `${period}会议记录汇编`], footerLines: [`共${records.length}份记录`, `编印日期：${formatChineseDate(context.printedOn)}`] },
    contents: {
      heading: '目　录',
      header: ['序号', '日期', '类型', '主题'],
      widths: [8, 17, 24, 41, 10],
      rows: records.map((record, index) => [
        String(index + 1),
        // Within one year the year is in the title: 1月8日 fits the column without wrapping.
        oneYear ? formatChineseDate(record.heldOn).replace(/^\d+年/, '') : formatChineseDate(record.heldOn),
        MEETING_TYPES.filter((type) => record.types.includes(type))
          .map((type) => (type === 'groupMeeting' && context.groupName?.(record.partyGroupId) ? `${context.groupName(record.partyGroupId)}会` : MEETING_TYPE_LABELS[type]))
          .join('、'),
        record.topic,
      ]),
    },
    parts,
  };
}

// ---- 年度工作总结 --------------------------------------------------------------------------------

const LEVEL2 = /^（[一二三四五六七八九十]+）/;
const LEVEL3 = /^\d+[.．、]/;

export function yearSummaryTitle(year: number): string {
  return `${year}年度工作总结`;
}

/**
 * The edited sections as a 公文: 一、 headings in 黑体; a paragraph the secretary began with （一）
 * becomes a 楷体 heading, one begun with “1.” a bold 仿宋 one; blank paragraphs are dropped.
 * 落款: the branch and the date in Arabic numerals.
 */
export function yearSummaryModel(sections: readonly YearSummarySection[], context: { branchName: string; year: number; date: string }): DocumentModel {
  const docSections: DocSection[] = sections
    .map((section) => ({ ...section, paragraphs: section.paragraphs.map((text) => text.trim()).filter(Boolean) }))
    .filter((section) => section.paragraphs.length > 0)
    .map((section, index) => ({
      heading: `${chineseOrdinal(index + 1)}、${section.heading.replace(/^[一二三四五六七八九十]+、/, '')}`,
      blocks: section.paragraphs.map((text): DocBlock => {
        if (LEVEL2.test(text) && [...text].length <= 40) return { kind: 'heading', level: 2, text };
        if (LEVEL3.test(text) && [...text].length <= 40) return { kind: 'heading', level: 3, text };
        return para(text);
      }),
    }));
  // The 落款 never stands alone on a page: the last paragraph goes with it.
  const lastBlocks = docSections.at(-1)?.blocks;
  const last = lastBlocks?.at(-1);
  if (lastBlocks && last?.kind === 'paragraph') lastBlocks[lastBlocks.length - 1] = { ...last, keepNext: true };
  return {
    title: [context.branchName, yearSummaryTitle(context.year)],
    metaRows: [],
    notes: [],
    sections: docSections,
    signatures: [context.branchName, formatChineseDate(context.date)],
  };
}

// ---- 组织生活会 materials ------------------------------------------------------------------------

export function orgLifeFileName(material: Pick<OrgLifeMaterial, 'heldOn'>): string {
  return `${material.heldOn}_组织生活会材料.docx`;
}

/** 方案, 问题清单, 对照检查 (who submitted), 整改清单 with status; each part from a new page after the first. */
export function orgLifeModel(material: OrgLifeMaterial, context: { branchName: string; ownerName: (memberId: number) => string | null }): DocumentModel {
  const problemNumber = new Map(material.problems.map((problem, index) => [problem.id, index + 1]));
  const plan = lines(material.plan);
  const sections: DocSection[] = [
    {
      heading: '一、组织生活会方案',
      blocks: [
        ...(plan.length > 0 ? plan : [para('（未填写方案）')]),
        ...(material.planApprovedOn ? [para(`方案已于${formatChineseDate(material.planApprovedOn)}报上级党组织审批同意。`)] : []),
      ],
    },
    {
      heading: '二、问题清单',
      newPage: true,
      blocks:
        material.problems.length > 0
          ? [
              {
                kind: 'table',
                widths: [8, 12, 16, 64],
                header: ['序号', '类别', '来源', '问题'],
                rows: material.problems.map((problem, index) => [String(index + 1), PROBLEM_CATEGORY_LABELS[problem.category], PROBLEM_SOURCE_LABELS[problem.source], problem.text]),
                centredColumns: [0, 1, 2],
              },
            ]
          : [para('（未列出问题）')],
    },
    {
      heading: '三、对照检查',
      newPage: true,
      blocks: [
        para(`应提交对照检查材料${material.counts.selfReviewsExpected}人，已提交${material.counts.selfReviewsSubmitted}人。`),
        {
          kind: 'table',
          widths: [7, 12, 14, 20, 47],
          header: ['序号', '姓名', '党员类别', '提交日期', '主要内容'],
          compact: true,
          rows: material.selfReviews.map((review, index) => [
            String(index + 1),
            review.name,
            MEMBER_CATEGORY_LABELS[review.category],
            review.submitted ? (review.submittedOn ? formatChineseDate(review.submittedOn) : '已提交') : '未提交',
            review.summary ?? '',
          ]),
          centredColumns: [0, 1, 2, 3],
        },
      ],
    },
    {
      heading: '四、整改清单',
      newPage: true,
      blocks:
        material.rectifications.length > 0
          ? [
              para(`整改措施${material.counts.rectifications}项，已完成${material.counts.rectificationsDone}项。`),
              {
                kind: 'table',
                widths: [6, 24, 30, 12, 14, 14],
                compact: true,
                header: ['序号', '问题', '整改措施', '责任人', '完成时限', '完成情况'],
                rows: material.rectifications.map((item, index) => [
                  String(index + 1),
                  item.problemId !== null ? `${problemNumber.get(item.problemId) ?? ''}. ${material.problems.find((problem) => problem.id === item.problemId)?.text ?? ''}` : '',
                  item.measure,
                  (item.ownerMemberId !== null ? context.ownerName(item.ownerMemberId) : null) ?? item.ownerName ?? '',
                  item.dueOn ? formatChineseDate(item.dueOn) : '',
                  item.status === 'done' ? `${RECTIFICATION_STATUS_LABELS.done}${item.doneOn ? `（${formatChineseDate(item.doneOn)}）` : ''}` : item.overdue ? '已逾期' : RECTIFICATION_STATUS_LABELS.open,
                ]),
                centredColumns: [0, 3, 4, 5],
              },
            ]
          : [para('（未列出整改措施）')],
    },
  ];
  return {
    title: [context.branchName, '组织生活会材料'],
    metaRows: [
      ['会议日期', formatChineseDate(material.heldOn)],
      ['会议主题', material.topic],
    ],
    notes: [],
    sections,
    signatures: [],
  };
}

// ---- 民主评议 results ----------------------------------------------------------------------------

export function democraticReviewFileName(review: Pick<DemocraticReview, 'heldOn'>): string {
  return `${review.heldOn.slice(0, 4)}年度民主评议党员结果.docx`;
}

/** The grades table (everyone on the review's roster, 预备党员 with why they get no grade) and the counts. */
export function democraticReviewModel(review: DemocraticReview, context: { branchName: string }): DocumentModel {
  const { counts } = review;
  const share = (n: number) => (counts.graded > 0 ? `${Math.round((n / counts.graded) * 1000) / 10}%` : '—');
  const summary = [
    `参加评议的正式党员${counts.graded}名，评定优秀${counts.excellent}名（占${share(counts.excellent)}），合格${counts.qualified}名，基本合格${counts.basicallyQualified}名，不合格${counts.unqualified}名。`,
    excellentCapMessage(counts.graded, counts.excellent) ?? `优秀等次未超过参评正式党员的三分之一（不超过${counts.cap}名）。`,
  ];
  const notGraded = review.rows.filter((row) => !row.gradable).length;
  if (notGraded > 0) summary.push(`另有${notGraded}名党员参加评议但不评定等次（预备党员或经批准不参加）。`);
  return {
    title: [context.branchName, `${review.heldOn.slice(0, 4)}年度民主评议党员结果`],
    metaRows: [
      ['评议日期', formatChineseDate(review.heldOn)],
      ['会议主题', review.topic],
    ],
    notes: [],
    sections: [
      { heading: '一、评议结果汇总', blocks: summary.map(para) },
      {
        heading: '二、党员评定等次',
        blocks: [
          {
            kind: 'table',
            widths: [8, 16, 16, 18, 42],
            header: ['序号', '姓名', '党员类别', '评定等次', '处置意见或说明'],
            rows: review.rows.map((row, index) => [
              String(index + 1),
              row.name,
              MEMBER_CATEGORY_LABELS[row.category],
              row.grade ? REVIEW_GRADE_LABELS[row.grade] : '不评定等次',
              row.gradable ? (row.note ?? '') : (row.notGradedReason ?? ''),
            ]),
            centredColumns: [0, 1, 2, 3],
          },
        ],
      },
    ],
    // No 落款: after a long table it would stand alone on a page; the facts above carry the date.
    signatures: [],
  };
}
