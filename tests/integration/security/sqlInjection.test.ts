import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import type { PartyGroup } from '../../../src/shared/contract/groups';
import type { MeetingAssessment, MeetingListItem, MeetingRecord } from '../../../src/shared/contract/meetings';
import type { MemberImportResult } from '../../../src/shared/contract/memberImport';
import type { Member, MemberListItem } from '../../../src/shared/contract/members';
import { tableNames } from '../../helpers/dbFingerprint';
import { aBranch, aMember } from '../../helpers/builders';
import { call, tempCore } from '../../helpers/tempCore';

// SQL injection through every text field and search box the contract reaches: the text is stored
// and found literally, and the database keeps all its tables and rows. Then a static check that no
// SQL in src/main is built from values (only from the whitelisted fixed identifiers below).

const PAYLOADS = [
  "'; DROP TABLE members;--",
  '" OR 1=1 --',
  "' OR '1'='1",
  "x'); DELETE FROM meetings;--",
  '1 UNION SELECT id_number',
  '%',
  '_',
  'a%b_c\\',
  '\\',
  'NEAR(',
  '"',
  '党费" OR "',
  'NEAR(党费 会议)',
  '会议*',
  'NOT 党员',
  '^开头',
  'body:党费',
  "Robert'); --",
  '\u202e书记',
  '😀党员',
  'ﬁ全角％＿',
] as const;

type TestCore = ReturnType<typeof tempCore>;

function integrity(core: Core) {
  const db = core.store.unsafeDatabase();
  return { tables: tableNames(db), check: db.pragma('integrity_check', { simple: true }), fk: (db.pragma('foreign_key_check') as unknown[]).length };
}

async function branch(): Promise<TestCore> {
  const core = tempCore();
  await call(core, 'branch:create', aBranch());
  return core;
}

/** Would the text match the words literally (case-insensitive, as the search promises)? */
const containsAll = (texts: string[], query: string) => {
  const words = query.split(/[\s\u3000]+/u).filter(Boolean).map((word) => word.toLowerCase());
  return words.every((word) => texts.some((text) => text.toLowerCase().includes(word)));
};

describe('SQL injection: text is stored literally', () => {
  it('member fields (name, workplace, note…) and the roster search', async () => {
    const core = await branch();
    const before = integrity(core);
    const created: Member[] = [];
    for (const payload of PAYLOADS) {
      created.push(await call<Member>(core, 'members:create', aMember({ name: payload, workplace: payload, nativePlace: payload.slice(0, 30), note: `备注${payload}`, idNumber: null })));
    }
    for (const [index, payload] of PAYLOADS.entries()) {
      const member = await call<Member>(core, 'members:get', { id: created[index].id });
      expect(member).toMatchObject({ name: payload.trim(), workplace: payload.trim(), note: `备注${payload}`.trim() });
    }
    const all = await call<MemberListItem[]>(core, 'members:list', { scope: 'all' });
    expect(all).toHaveLength(PAYLOADS.length);
    for (const payload of PAYLOADS) {
      const found = await call<MemberListItem[]>(core, 'members:list', { scope: 'all', query: payload });
      // Exactly the members whose name holds the text: '%' and '_' are not wildcards, quotes end nothing.
      const literal = all.filter((member) => member.name.toLowerCase().includes(payload.trim().toLowerCase())).map((member) => member.id);
      expect(found.map((member) => member.id).sort(), payload).toEqual(expect.arrayContaining(literal));
      for (const member of found) expect(member.name.toLowerCase().includes(payload.trim().toLowerCase()) || /^[a-z]+$/.test(payload), `${payload} found ${member.name}`).toBe(true);
    }
    expect((await call<MemberListItem[]>(core, 'members:list', { scope: 'all', query: '%' })).map((member) => member.name).sort()).toEqual(['%', 'a%b_c\\']);
    expect((await call<MemberListItem[]>(core, 'members:list', { scope: 'all', query: '_' })).map((member) => member.name).sort()).toEqual(['1 UNION SELECT id_number', '_', 'a%b_c\\']);
    expect(integrity(core)).toEqual(before);
  });

  it('meeting records (topic, agenda, speeches, decisions, votes, guests, reasons) and the full-text search', async () => {
    const core = await branch();
    const host = await call<Member>(core, 'members:create', aMember({ name: '张主持' }));
    const onLeave = await call<Member>(core, 'members:create', aMember({ name: '李请假', idNumber: null }));
    const before = integrity(core);
    const records: { record: MeetingRecord; texts: string[] }[] = [];
    for (const [index, payload] of PAYLOADS.entries()) {
      const heldOn = `2026-0${1 + (index % 9)}-1${index % 10}`;
      const check = await call<MeetingAssessment>(core, 'meetings:check', { types: ['memberAssembly'], partyGroupId: null, heldOn, exclusions: [] });
      const texts = [`主题${payload}`, `议题${payload}`, `发言${payload}`, `决议${payload}`, `表决${payload}`, `地点${payload}`, `内容${payload}`];
      const record = await call<MeetingRecord>(core, 'meetings:create', {
        types: ['memberAssembly'],
        heldOn,
        topic: texts[0],
        location: texts[5],
        summary: texts[6],
        hostMemberId: host.id,
        agenda: [{ title: texts[1], speeches: [{ speakerMemberId: null, speakerName: payload.slice(0, 30), summary: texts[2] }] }],
        decisions: [{ text: texts[3], agendaPosition: 0, ownerMemberId: null, dueOn: null }],
        votes: [{ subject: texts[4], agendaPosition: 0, yes: 1, no: 0, abstain: 0 }],
        attendance: check.expected.map((person) =>
          person.memberId === onLeave.id ? { memberId: person.memberId, status: 'leave' as const, leaveKind: 'official', reason: payload } : { memberId: person.memberId, status: 'present' as const },
        ),
        guests: [{ kind: 'supervisor', name: payload.slice(0, 30), note: payload }],
        exclusions: [],
      });
      records.push({ record, texts });
    }
    for (const [index, { record }] of records.entries()) {
      const payload = PAYLOADS[index];
      const stored = await call<MeetingRecord>(core, 'meetings:get', { id: record.id });
      expect(stored.topic).toBe(`主题${payload}`.trim());
      expect(stored.agenda[0].title).toBe(`议题${payload}`.trim());
      expect(stored.guests[0].name).toBe(payload.slice(0, 30).trim());
      expect(stored.attendance.find((entry) => entry.memberId === onLeave.id)?.reason).toBe(payload.trim());
    }
    for (const payload of [...PAYLOADS, 'DROP', 'TABLE', '--', '1=1', 'OR', "'", '(', ')', '*', 'NEAR', ':']) {
      const found = await call<MeetingListItem[]>(core, 'meetings:list', { query: payload });
      const expected = records.filter(({ texts }) => containsAll(texts, payload)).map(({ record }) => record.id).sort((a, b) => a - b);
      expect(found.map((item) => item.id).sort((a, b) => a - b), `search ${payload}`).toEqual(expected);
    }
    expect(integrity(core)).toEqual(before);
  });

  it('import cells go in literally, as one batch', async () => {
    const core = await branch();
    const before = integrity(core);
    const rows = PAYLOADS.map((payload, index) => ({
      rowNumber: index + 2,
      values: { name: payload, gender: index % 2 ? '男' : '女', category: '正式党员', workplace: payload, note: `单元格${payload}`, nativePlace: payload.slice(0, 30) },
    }));
    const result = await call<MemberImportResult>(core, 'memberImport:import', { fileName: "花名册'; DROP TABLE import_batches;--.xlsx", rows });
    expect(result.imported).toBe(PAYLOADS.length);
    const members = await call<MemberListItem[]>(core, 'members:list', { scope: 'all' });
    expect(members.map((member) => member.name).sort()).toEqual(PAYLOADS.map((payload) => payload.trim()).sort());
    const batches = await call<{ fileName: string; rowCount: number }[]>(core, 'importBatches:list');
    expect(batches).toEqual([expect.objectContaining({ fileName: "花名册'; DROP TABLE import_batches;--.xlsx", rowCount: PAYLOADS.length })]);
    expect(integrity(core)).toEqual(before);
  });

  it('names of the branch and party groups, and lookups by text id', async () => {
    const core = await branch();
    const before = integrity(core);
    for (const payload of PAYLOADS) {
      const group = await call<PartyGroup>(core, 'groups:create', { name: `组${payload}`.slice(0, 30) });
      expect(group.name).toBe(`组${payload}`.slice(0, 30).trim());
    }
    const { termSeq: _seq, termStartsOn: _starts, termEndsOn: _ends, ...fields } = aBranch();
    await call(core, 'branch:update', { ...fields, name: "第一支部'; DROP TABLE branch;--", contactPerson: "' OR 1=1 --" });
    expect(await call(core, 'branch:get')).toMatchObject({ branch: { name: "第一支部'; DROP TABLE branch;--", contactPerson: "' OR 1=1 --" } });
    for (const payload of PAYLOADS) {
      for (const [method, input] of [
        ['rulePacks:choose', { packId: payload }],
        ['rulePacks:clearOverride', { ruleId: payload }],
        ['assessments:propose', { templateId: payload, year: 2025 }],
      ] as const) {
        const result = await core.dispatch(method, input);
        expect(result.ok ? 'ok' : result.error.code, `${method} ${payload}`).not.toBe('INTERNAL');
      }
    }
    expect(integrity(core)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Static check: SQL text is never built from values.
//
// Every template literal (or '+' concatenation) in src/main whose text contains SQL may only
// interpolate the expressions below. Each is a fixed identifier or SQL fragment made from
// constants in the same file — never user input. Adding one means showing it is not a value.
const WHITELIST: Record<string, { expression: string; why: string }[]> = {
  'src/main/store/repos/orgLife.repo.ts': [{ expression: 'rectificationColumns', why: 'column list built from a constant array of column names' }],
  'src/main/store/repos/meetings.repo.ts': [
    { expression: 'TOOK_PART', why: "constant condition with the named parameter @member" },
    { expression: 'meetingColumns', why: 'column list built from a constant array of column names' },
    { expression: 'table', why: 'iterates a constant list of child table names' },
    { expression: 'condition.sql', why: "wordCondition(): one of two fixed conditions with a '?' placeholder (searchQuery.ts)" },
  ],
  'src/main/store/repos/system.repo.ts': [{ expression: `name.replace(/"/g, '""')`, why: 'table names read from sqlite_schema, quoted as an identifier' }],
  'src/main/store/repos/groups.repo.ts': [{ expression: 'select', why: 'constant SELECT … FROM prefix in the same file' }],
  'src/main/store/repos/committee.repo.ts': [{ expression: 'ROLE_ORDER', why: 'constant CASE expression over role names' }],
  'src/main/store/repos/followUps.repo.ts': [
    { expression: 'alias', why: "table alias; typesSql is called only with the literal 'm'" },
    { expression: "typesSql('m')", why: 'constant sub-select' },
    { expression: "typesSql('c')", why: 'constant sub-select' },
    { expression: 'SELECT', why: 'constant SELECT … FROM prefix in the same file' },
  ],
  'src/main/store/repos/editTrail.repo.ts': [
    { expression: 'COLUMNS', why: 'constant column list in the same file' },
    { expression: "conditions.join(' AND ')", why: "fixed conditions each with a '?' placeholder; the values go in params" },
    { expression: 'where', why: "WHERE built from those fixed conditions (or empty)" },
  ],
  'src/main/store/migrate.ts': [{ expression: 'migration.version', why: 'integer parsed from the bundled migration file name (\\d{4})' }],
};

const SQL_WORDS = /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|WHERE|PRAGMA|VALUES|ORDER BY|GROUP BY|JOIN|CREATE|DROP|ALTER|MATCH|LIKE)\b|user_version|max_page_count/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface SqlHit {
  file: string;
  expression: string;
  line: number;
}

/** Interpolations into, and concatenations with, SQL text in one source file. */
function scanSql(file: string, text: string): SqlHit[] {
  const found: SqlHit[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isTemplateExpression(node)) {
      const literal = node.head.text + node.templateSpans.map((span) => span.literal.text).join(' ');
      if (SQL_WORDS.test(literal)) for (const span of node.templateSpans) found.push({ file, expression: span.expression.getText(source), line: lineOf(span) });
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const sides = [node.left, node.right];
      if (sides.some((side) => ts.isStringLiteralLike(side) && SQL_WORDS.test(side.text))) {
        for (const side of sides) if (!ts.isStringLiteralLike(side)) found.push({ file, expression: side.getText(source), line: lineOf(side) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sqlBuiltFromExpressions(): SqlHit[] {
  return sourceFiles('src/main').flatMap((path) => scanSql(relative('.', path).replaceAll('\\', '/'), readFileSync(path, 'utf8')));
}

describe('static: SQL is never built from values', () => {
  it('every interpolation into SQL text in src/main is a whitelisted fixed identifier', () => {
    const offending = sqlBuiltFromExpressions().filter(({ file, expression }) => !(WHITELIST[file] ?? []).some((entry) => entry.expression === expression));
    expect(offending, 'SQL built from an expression: bind it as a ? parameter, or whitelist a fixed identifier with a reason').toEqual([]);
  });

  it('the whitelist has no stale entries (each is still used)', () => {
    const used = new Set(sqlBuiltFromExpressions().map(({ file, expression }) => `${file} ${expression}`));
    const stale = Object.entries(WHITELIST).flatMap(([file, entries]) => entries.filter((entry) => !used.has(`${file} ${entry.expression}`)).map((entry) => `${file} ${entry.expression}`));
    expect(stale).toEqual([]);
  });

  it('the checker itself notices values in SQL (self-test)', () => {
    const hits = scanSql(
      'x.ts',
      [
        "db.prepare(`SELECT * FROM members WHERE name = '${input.name}'`);",
        'db.exec("DELETE FROM t WHERE id = " + id);',
        "db.pragma(`max_page_count = ${pages}`);",
        'const message = `第${index + 1}项整改`;',
      ].join('\n'),
    );
    expect(hits.map((hit) => hit.expression)).toEqual(['input.name', 'id', 'pages']);
  });
});
