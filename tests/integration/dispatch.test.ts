import { describe, expect, it } from 'vitest';
import { METHODS } from '../../src/shared/contract';
import { ERROR_CODES } from '../../src/shared/contract/errors';
import { createDispatch } from '../../src/main/rpc/dispatch';
import { aBranch, aMember } from '../helpers/builders';
import { call, tempCore } from '../helpers/tempCore';

/** Row counts of every table: a refused call must leave them all as they were. */
function snapshotCounts(core: ReturnType<typeof tempCore>) {
  return core.services.system.check().counts;
}

async function seeded() {
  const core = tempCore();
  await call(core, 'demo:create');
  return core;
}

// Inputs no method accepts: wrong shapes, unknown fields, oversized strings.
const MALFORMED: [string, unknown][] = [
  ['a string', 'members'],
  ['a number', 42],
  ['an array', [1, 2]],
  ['an unknown field', { sneaky: true }],
  ['a huge string', { name: '党'.repeat(100_000) }],
  ['a prototype key', JSON.parse('{"__proto__": {"polluted": true}}')],
];

describe('dispatch', () => {
  it('answers an unknown method with UNKNOWN_METHOD, including inherited object keys', async () => {
    const core = tempCore();
    for (const method of ['members:drop', 'constructor', '__proto__', 'toString', '']) {
      const result = await core.dispatch(method, {});
      expect(result, method).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  describe.each(METHODS)('%s', (method) => {
    it.each(MALFORMED)('refuses %s with VALIDATION and changes nothing', async (_label, input) => {
      const core = await seeded();
      const before = snapshotCounts(core);
      const result = await core.dispatch(method, input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(result.error.message).not.toMatch(/at \w+ \(|Error:/);
      expect(snapshotCounts(core)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('names the field and says what is wrong, in Chinese', async () => {
    const core = tempCore();
    await call(core, 'branch:create', aBranch());
    const result = await core.dispatch('members:create', { ...aMember(), name: '', idNumber: '110101199003074478', category: 'boss' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.error.details!.map((problem) => [problem.path, problem]));
    expect(byPath.name).toMatchObject({ label: '姓名', message: '不能为空' });
    expect(byPath.idNumber.label).toBe('公民身份号码');
    expect(byPath.idNumber.message).toContain('校验位');
    expect(byPath.category.label).toBe('党员类别');
    expect(result.error.message).toContain('姓名：不能为空');
  });

  it('refuses oversized text by its limit, per field', async () => {
    const core = tempCore();
    await call(core, 'branch:create', aBranch());
    const result = await core.dispatch('members:create', aMember({ note: '备'.repeat(2001) }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'note', message: '不能超过2000个字' }] } });
  });

  it('hides unexpected failures behind INTERNAL, without a stack trace, and logs them', async () => {
    const logged: unknown[] = [];
    const dispatch = createDispatch(
      {
        'system:get': () => {
          throw new TypeError('boom at secret/place.ts:12');
        },
      } as never,
      { logError: (_method, error) => logged.push(error) },
    );
    const result = await dispatch('system:get', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret/place.ts');
    expect(logged).toHaveLength(1);
  });

  it('uses only the closed set of error codes', async () => {
    const core = await seeded();
    const results = await Promise.all([
      core.dispatch('members:get', { id: 99999 }),
      core.dispatch('branch:create', aBranch()),
      core.dispatch('nope', {}),
      core.dispatch('members:list', 5),
    ]);
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
    }
  });

  it('names the 修改记录 filters in Chinese when they are wrong', async () => {
    const core = tempCore();
    const result = await core.dispatch('editTrail:list', { page: 0, from: '2026-02-30', entityType: 'password' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const labels = Object.fromEntries(result.error.details!.map((problem) => [problem.path, problem.label]));
    expect(labels).toEqual({ page: '页码', from: '开始日期', entityType: '记录类别' });
    const forEntity = await core.dispatch('editTrail:forEntity', { entityType: 'meeting', entityId: -1 });
    expect(forEntity).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'entityId', label: '记录' }] } });
  });
});
