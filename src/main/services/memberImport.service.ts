import type { z } from 'zod';
import { AppError, type FieldProblem } from '../../shared/contract/errors';
import type {
  ImportBatch,
  ImportTemplateFile,
  MemberImportCheckResult,
  memberImportCheckInput,
  memberImportInput,
  MemberImportResult,
} from '../../shared/contract/memberImport';
import { memberCreateInput, type MemberInput } from '../../shared/contract/members';
import { todayIso } from '../../shared/domain/dates';
import { historyProblems, MEMBER_EVENT_LABELS, type MemberEvent } from '../../shared/domain/memberHistory';
import {
  checkImportRows,
  completeImportValues,
  countImportRows,
  describeImportProblem,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  nameBirthKey,
  normalizeGroupName,
  readMemberGrid,
  type ExistingMembers,
  type ImportField,
  type ImportRow,
  type MemberImportValues,
} from '../../shared/domain/memberImport';
import { readMemberSheets } from '../documents/memberSheet';
import { buildMemberTemplate, MEMBER_TEMPLATE_FILE_NAME } from '../documents/memberTemplate';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';

type CheckInput = z.output<typeof memberImportCheckInput>;
type ImportInput = z.output<typeof memberImportInput>;

/** How many problems a refusal message spells out (all of them are in its details). */
const SUMMARY_LINES = 8;
/** How many blocking members an undo refusal names. */
const BLOCKER_NAMES = 5;

function toMemberInput(values: MemberImportValues): MemberInput {
  const { partyGroupName: _name, ...input } = values;
  return input;
}

/**
 * 党员花名册 import: read the file, preview every row with its problems (writing nothing), write
 * the rows the user kept in one transaction as one batch, and undo a batch as a whole.
 */
export function createMemberImportService({ store, clock, backups }: ServiceContext) {
  const trail = createEditTrail({ store, clock });
  /** What the roster holds now, as the pure checker wants it. */
  function existingMembers(): ExistingMembers {
    const idNumbers = new Map<string, string>();
    const nameBirth = new Set<string>();
    for (const member of store.members.all()) {
      if (member.idNumber) idNumbers.set(member.idNumber, member.name);
      if (member.birthDate) nameBirth.add(nameBirthKey(member.name, member.birthDate));
    }
    const groups = new Map(store.groups.list().map((group) => [normalizeGroupName(group.name), group.id]));
    return { idNumbers, nameBirth, groups };
  }

  function checkRows(rows: { rowNumber: number; values: Partial<Record<ImportField, string>> }[]): ImportRow[] {
    return checkImportRows(rows, { existing: existingMembers(), today: todayIso(clock()) });
  }

  async function checkFile(fileName: string, contentBase64: string): Promise<MemberImportCheckResult> {
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.byteLength === 0) throw new AppError('VALIDATION', '文件内容无法读取（不是有效的 base64 编码）。');
    const read = await readMemberSheets(bytes, fileName);
    // The roster is the first sheet with a recognisable header; visible sheets are tried first.
    const sheets = [...read.sheets.filter((sheet) => !sheet.hidden), ...read.sheets.filter((sheet) => sheet.hidden)];
    let refusal: { reason: string; message: string } | null = null;
    for (const sheet of sheets) {
      const result = readMemberGrid(sheet.rows);
      if (!result.ok) {
        if (result.reason === 'tooManyRows') throw new AppError('VALIDATION', result.message);
        if (!refusal || (refusal.reason === 'empty' && result.reason === 'noHeader')) refusal = result;
        continue;
      }
      const rows = checkRows(result.rows);
      return {
        rows,
        columns: result.columns,
        unknownHeaders: result.unknownHeaders,
        counts: countImportRows(rows),
        sheetName: read.format === 'xlsx' ? sheet.name : null,
        headerRowNumber: result.headerRowNumber,
      };
    }
    const where = sheets.length > 1 ? `（已查看全部 ${sheets.length} 个工作表）` : '';
    throw new AppError('VALIDATION', `${refusal?.message ?? '表格是空的。'}${where}`);
  }

  /** Every error left in the rows, plus anything the members contract and history rules would refuse. */
  function remainingProblems(rows: ImportRow[], today: string): { problems: FieldProblem[]; lines: string[] } {
    const problems: FieldProblem[] = [];
    const lines: string[] = [];
    const add = (rowNumber: number, field: ImportField | null, message: string) => {
      problems.push({
        path: `rows.${rowNumber}${field ? `.${field}` : ''}`,
        label: `第${rowNumber}行${field ? ` ${IMPORT_FIELD_LABELS[field]}` : ''}`,
        message,
      });
      lines.push(describeImportProblem(rowNumber, { field, level: 'error', message }));
    };
    for (const row of rows) {
      for (const problem of row.problems) if (problem.level === 'error') add(row.rowNumber, problem.field, problem.message);
      const values = completeImportValues(row);
      if (!values) continue;
      // The same schema and history rules a member typed into the form must pass.
      const parsed = memberCreateInput.safeParse(toMemberInput(values));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          add(row.rowNumber, (IMPORT_FIELDS as readonly string[]).includes(field) ? (field as ImportField) : null, issue.message);
        }
      }
      const events: MemberEvent[] = [];
      if (values.admittedOn) events.push({ kind: 'admitted', occurredOn: values.admittedOn });
      if (values.confirmedOn) events.push({ kind: 'confirmed', occurredOn: values.confirmedOn });
      for (const problem of historyProblems(events, today)) {
        add(row.rowNumber, events[problem.index].kind === 'admitted' ? 'admittedOn' : 'confirmedOn', problem.message);
      }
    }
    return { problems, lines };
  }

  /** Why a batch's members cannot simply be deleted: records made since the import that name them. */
  function undoBlockers(batch: ImportBatch, memberIds: { id: number; name: string }[]): string[] {
    const blockers: string[] = [];
    for (const member of memberIds) {
      const reasons: string[] = [];
      const references = store.members.referenceCount(member.id);
      if (references > 0) reasons.push(`已出现在 ${references} 条会议、支委会或党小组记录中`);
      const later = store.memberEvents
        .forMember(member.id)
        .filter((event) => event.recordedAt !== batch.importedAt || (event.kind !== 'admitted' && event.kind !== 'confirmed'));
      if (later.length > 0) reasons.push(`导入后登记了${[...new Set(later.map((event) => `“${MEMBER_EVENT_LABELS[event.kind]}”`))].join('、')}`);
      if (reasons.length > 0) blockers.push(`${member.name}（${reasons.join('，')}）`);
    }
    return blockers;
  }

  return {
    /** Preview: reads the file (or re-checks edited rows) and reports every row's problems; writes nothing. */
    async check(input: CheckInput): Promise<MemberImportCheckResult> {
      if ('contentBase64' in input) return checkFile(input.fileName, input.contentBase64);
      const rows = checkRows(input.rows);
      const carried = IMPORT_FIELDS.filter((field) => input.rows.some((row) => row.values[field] !== undefined));
      return {
        rows,
        columns: carried.map((field) => ({ header: IMPORT_FIELD_LABELS[field], field })),
        unknownHeaders: [],
        counts: countImportRows(rows),
        sheetName: null,
        headerRowNumber: null,
      };
    },

    /** Writes the kept rows as one batch, all or nothing; any row still in error refuses the whole import. */
    import(input: ImportInput): MemberImportResult {
      backups?.takeBefore('beforeImport');
      const now = clock().toISOString();
      const today = todayIso(clock());
      return store.transaction(() => {
        const rows = checkRows(input.rows);
        const { problems, lines } = remainingProblems(rows, today);
        if (problems.length > 0) {
          const failing = new Set(problems.map((problem) => problem.path.split('.')[1])).size;
          const shown = lines.slice(0, SUMMARY_LINES).join('；');
          const more = lines.length > SUMMARY_LINES ? `……共 ${lines.length} 处问题` : '';
          throw new AppError('VALIDATION', `有 ${failing} 行仍有错误，本次没有导入任何党员。请修改或去掉这些行后再导入：${shown}${more}`, problems);
        }
        const batchId = store.importBatches.insert(input.fileName, now, rows.length);
        for (const row of rows) {
          const values = completeImportValues(row)!;
          const { admittedOn, confirmedOn, partyGroupId, partyGroupName: _group, ...fields } = values;
          // One 新增 entry per member (noting the file), so each member's own trail starts at the import.
          trail.member.create(() => {
            const memberId = store.members.insert(fields, now, batchId);
            store.memberEvents.setSingleDated(memberId, 'admitted', admittedOn, null, now);
            store.memberEvents.setSingleDated(memberId, 'confirmed', confirmedOn, null, now);
            // In the group since joining the branch, as for a member entered by hand.
            store.groups.moveMember(memberId, partyGroupId, null);
            return memberId;
          }, `导入《${input.fileName}》`);
        }
        return { batchId, imported: rows.length };
      });
    },

    async template(): Promise<ImportTemplateFile> {
      return { fileName: MEMBER_TEMPLATE_FILE_NAME, contentBase64: (await buildMemberTemplate()).toString('base64') };
    },

    listBatches(): ImportBatch[] {
      return store.importBatches.list();
    },

    /**
     * Undo: deletes exactly the members the batch created (their 入党/转正 events and 党小组
     * membership go with them), unless records made since then name them; marks the batch undone.
     */
    undoBatch({ id }: { id: number }): { id: number; removed: number } {
      backups?.takeBefore('beforeUndoImport');
      return store.transaction(() => {
        const batch = store.importBatches.get(id);
        if (!batch) throw new AppError('NOT_FOUND', '该导入记录不存在，可能已被删除。请刷新后重试。');
        if (batch.undoneAt) throw new AppError('CONFLICT', '这次导入已经撤销过了。');
        const members = store.members.ofImportBatch(id);
        const blockers = undoBlockers(batch, members);
        if (blockers.length > 0) {
          const names = blockers.slice(0, BLOCKER_NAMES).join('；');
          const more = blockers.length > BLOCKER_NAMES ? `等 ${blockers.length} 人` : '';
          throw new AppError(
            'CONFLICT',
            `不能撤销这次导入：其中有党员在导入后已被其他记录使用——${names}${more}。撤销会让这些记录失去对应的党员。如确需撤销，请先删除或修改这些记录。`,
          );
        }
        for (const member of members) trail.member.delete(member.id, () => store.members.delete(member.id), `撤销导入《${batch.fileName}》`);
        store.importBatches.markUndone(id, clock().toISOString());
        return { id, removed: members.length };
      });
    },
  };
}

export type MemberImportService = ReturnType<typeof createMemberImportService>;
