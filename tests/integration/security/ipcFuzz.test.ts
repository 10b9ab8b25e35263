import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Method } from '../../../src/shared/contract';
import type { Envelope } from '../../../src/shared/contract/errors';
import type { MeetingListItem } from '../../../src/shared/contract/meetings';
import { filesUnder, fingerprint, writeCounters } from '../../helpers/dbFingerprint';
import { fuzzInput } from '../../helpers/fuzzInputs';
import { openCore } from '../../../src/main/core';
import { call, fixedClock } from '../../helpers/tempCore';

// Every method of the contract, fed generated malformed input through the real dispatcher on the
// demo branch. What must hold for each case:
//   - dispatch answers (never throws) with an envelope, never INTERNAL;
//   - input the schema refuses → VALIDATION, and nothing in the database or data folder changes;
//   - input the schema accepts (hostile but well-formed: ids that do not exist, SQL-ish text…) →
//     either an answer, or VALIDATION / NOT_FOUND / CONFLICT with nothing changed. CONFLICT is
//     legitimate here: e.g. demo:create or branch:create on a folder that already has a branch,
//     or a stale `version` on update (someone else saved first).
// Each case runs inside a transaction that is rolled back afterwards, so an accepted write does
// not leak into the next case, and a refused call that wrote anything before failing is caught by
// comparing the fingerprint of every table before the rollback.
//
// FUZZ_RUNS sets cases per method (default 100 keeps the file well under a minute on 2 CPUs).

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const ACCEPTABLE_REFUSALS = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT']);
const methods = Object.keys(contract) as Method[];

// One core for the whole file (tempCore closes its core after each test).
const dataDir = mkdtempSync(join(tmpdir(), 'branch-ledger-fuzz-'));
const core = Object.assign(openCore({ dataDir, host: 'cli', clock: fixedClock('2026-11-22T10:00:00'), logError: () => undefined, installedFonts: () => null }), { dataDir });
const db = core.store.unsafeDatabase();
const counts = { cases: 0, refusedBySchema: 0, acceptedBySchema: 0, answeredOk: 0, refusedByService: new Map<string, number>() };
let baseline = '';
let baselineFiles = new Map<string, number>();
const attachmentFiles = new Map<string, Buffer>();
const started = Date.now();

beforeAll(async () => {
  await call(core, 'demo:create');
  // One attachment, so attachments:get/delete and meetings with files are reachable.
  const [meeting] = await call<MeetingListItem[]>(core, 'meetings:list', {});
  await call(core, 'attachments:add', { meetingId: meeting.id, kind: 'photo', fileName: '现场照片.png', contentBase64: Buffer.from('not really a png').toString('base64') });
  for (const file of filesUnder(core.dataDir).keys()) attachmentFiles.set(file, readFileSync(join(core.dataDir, file)));
  baseline = fingerprint(db);
  baselineFiles = filesUnder(core.dataDir);
}, 60_000);

afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
  const refused = [...counts.refusedByService].map(([code, n]) => `${code} ${n}`).join(', ');
  console.log(
    `IPC fuzz: ${counts.cases} cases over ${methods.length} methods (${RUNS} per method) in ${((Date.now() - started) / 1000).toFixed(1)} s — ` +
      `schema refused ${counts.refusedBySchema}, schema accepted ${counts.acceptedBySchema} (answered ${counts.answeredOk}; refused: ${refused || 'none'})`,
  );
});

/** Puts the data folder back as it was (an accepted attachments:add/delete touches files). */
function restoreFiles(): void {
  const now = filesUnder(core.dataDir);
  for (const file of now.keys()) if (!baselineFiles.has(file)) rmSync(join(core.dataDir, file), { force: true });
  for (const [file, bytes] of attachmentFiles) if (!now.has(file)) writeFileSync(join(core.dataDir, file), bytes);
}

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
    return text === undefined ? String(input) : text.length > 300 ? `${text.slice(0, 300)}…(${text.length} chars)` : text;
  } catch (error) {
    return `<${(error as Error).message}>`;
  }
}

describe('IPC fuzz: every contract method, malformed input', () => {
  it('covers every method of the contract', () => {
    expect(methods.length).toBeGreaterThan(50);
  });

  it.each(methods)('%s', async (method) => {
    const schema = contract[method].input;
    await fc.assert(
      fc.asyncProperty(fuzzInput(schema), async ({ kind, input }) => {
        counts.cases += 1;
        // The dispatcher reads a missing/null input as "no input" (JSON has no undefined).
        const acceptedBySchema = schema.safeParse(input ?? undefined).success;
        counts[acceptedBySchema ? 'acceptedBySchema' : 'refusedBySchema'] += 1;
        const label = `${method} ${kind} ${describeInput(input)}`;
        db.exec('BEGIN');
        try {
          const before = writeCounters(db);
          let result: Envelope<unknown>;
          try {
            result = await core.dispatch(method, input);
          } catch (error) {
            throw new Error(`${label}: dispatch threw ${(error as Error).stack}`);
          }
          expect(result, label).toBeTypeOf('object');
          if (process.env.FUZZ_DEBUG) console.log(label.slice(0, 200), '→', result.ok ? 'ok' : `${result.error.code} ${result.error.message.slice(0, 80)}`, writeCounters(db) !== before ? 'WROTE' : '');
          if (!result.ok) {
            expect(result.error.code, `${label} → ${result.error.message}`).not.toBe('INTERNAL');
            if (acceptedBySchema) expect(ACCEPTABLE_REFUSALS.has(result.error.code), `${label} → ${result.error.code} ${result.error.message}`).toBe(true);
            else expect(result.error.code, `${label} → ${result.error.message}`).toBe('VALIDATION');
            expect(result.error.message, label).toMatch(/[\u4e00-\u9fa5]/);
            if (acceptedBySchema) counts.refusedByService.set(result.error.code, (counts.refusedByService.get(result.error.code) ?? 0) + 1);
            // Nothing written: no row changed, or (if a statement ran and was rolled back) the same data.
            if (writeCounters(db) !== before) expect(fingerprint(db), `${label}: refused but the data changed`).toBe(baseline);
            expect(filesUnder(core.dataDir), `${label}: refused but files changed`).toEqual(baselineFiles);
          } else {
            expect(acceptedBySchema, `${label}: answered although the schema refuses it`).toBe(true);
            counts.answeredOk += 1;
          }
          expect(({} as Record<string, unknown>).polluted, `${label}: Object.prototype polluted`).toBeUndefined();
        } finally {
          db.exec('ROLLBACK');
          restoreFiles();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);

  it('left the database exactly as it was, intact', () => {
    expect(fingerprint(db)).toBe(baseline);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(filesUnder(core.dataDir)).toEqual(baselineFiles);
  });
});
