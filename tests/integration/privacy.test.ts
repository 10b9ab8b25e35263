import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/core';
import { APP_PASSWORD_FILE } from '../../src/main/services/privacy.service';
import { METHODS, type Method } from '../../src/shared/contract';
import { METHODS_ALLOWED_WHILE_LOCKED, type PrivacyStatus } from '../../src/shared/contract/privacy';
import { aBranch, aMember } from '../helpers/builders';
import { call, fixedClock, tempDataDir } from '../helpers/tempCore';

// The app lock is enforced by the core: while locked, dispatch refuses every method except
// privacy:status and privacy:unlock, whatever the page does.

const PASSWORD = 'Zhibu-2026';
const opened: Core[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()!.close();
});

/** A desktop/browser-mode core (the CLI is never locked) on a data folder, as if the app started. */
function start(dataDir: string, clock = fixedClock(), host: 'browser' | 'desktop' | 'cli' = 'browser') {
  const core = openCore({ dataDir, host, clock, logError: () => undefined, installedFonts: () => null });
  opened.push(core);
  return core;
}

async function withPassword(idleMinutes?: number) {
  const dataDir = tempDataDir();
  const clock = fixedClock('2026-11-22T10:00:00');
  const first = start(dataDir, clock);
  await call(first, 'branch:create', aBranch());
  await call(first, 'members:create', aMember());
  await call(first, 'privacy:setPassword', { newPassword: PASSWORD, idleMinutes });
  first.close();
  opened.splice(opened.indexOf(first), 1);
  return { dataDir, clock, core: start(dataDir, clock) };
}

const status = (core: Core) => call<PrivacyStatus>(core, 'privacy:status');

describe('no password', () => {
  it('never locks, and locking asks for a password first', async () => {
    const core = start(tempDataDir());
    expect(await status(core)).toEqual({ passwordSet: false, locked: false, idleMinutes: 10, retryAfterSeconds: null });
    await call(core, 'branch:create', aBranch());
    expect(await core.dispatch('privacy:lock')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await status(core)).locked).toBe(false);
  });
});

describe('a set password', () => {
  it('is stored only as a salted scrypt hash beside the database', async () => {
    const { dataDir } = await withPassword();
    const text = readFileSync(join(dataDir, APP_PASSWORD_FILE), 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(JSON.parse(text)).toMatchObject({ format: 1, idleMinutes: 10, password: { algorithm: 'scrypt', N: 131072, r: 8, p: 1, keyLength: 32 } });
  });

  it('locks a new start; the locked core refuses every method but status and unlock with LOCKED', async () => {
    const { core } = await withPassword();
    expect(await status(core)).toMatchObject({ passwordSet: true, locked: true });
    const refused: string[] = [];
    for (const method of METHODS) {
      if ((METHODS_ALLOWED_WHILE_LOCKED as readonly Method[]).includes(method)) continue;
      const result = await core.dispatch(method, {});
      if (!result.ok && result.error.code === 'LOCKED') refused.push(method);
    }
    expect(refused).toEqual(METHODS.filter((method) => !(METHODS_ALLOWED_WHILE_LOCKED as readonly Method[]).includes(method)));
    expect(await core.dispatch('members:list')).toEqual({ ok: false, error: { code: 'LOCKED', message: '支部台账已锁定，请输入应用密码解锁。' } });
    // Refused before the input is even looked at: a locked core tells nothing about its methods.
    expect(await core.dispatch('members:get', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await core.dispatch('privacy:removePassword', { currentPassword: PASSWORD })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('unlocks with the password, then answers again', async () => {
    const { core } = await withPassword();
    expect(await call(core, 'privacy:unlock', { password: PASSWORD })).toMatchObject({ locked: false });
    expect(await call<unknown[]>(core, 'members:list')).toHaveLength(1);
  });

  it('says a wrong password is wrong, naming the field, and stays locked', async () => {
    const { core } = await withPassword();
    const result = await core.dispatch('privacy:unlock', { password: 'zhibu-2026' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'password', label: '应用密码' }] } });
    expect(result.ok || result.error.message).toContain('密码不正确');
    expect((await status(core)).locked).toBe(true);
    expect(await core.dispatch('members:list')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('makes repeated wrong tries wait longer, refusing even the right password meanwhile', async () => {
    const { core, clock } = await withPassword();
    const wrong = () => core.dispatch('privacy:unlock', { password: 'guess' });
    await wrong();
    await wrong();
    expect((await status(core)).retryAfterSeconds).toBeNull();
    const third = await wrong();
    expect(third.ok || third.error.message).toMatch(/已连续输错 3 次），请 2 秒后再试/);
    expect((await status(core)).retryAfterSeconds).toBe(2);
    const early = await core.dispatch('privacy:unlock', { password: PASSWORD });
    expect(early.ok || early.error.message).toContain('秒后再试');
    expect((await status(core)).locked).toBe(true);

    clock.set('2026-11-22T10:00:03');
    const fourth = await wrong();
    expect(fourth.ok || fourth.error.message).toContain('请 4 秒后再试');
    clock.set('2026-11-22T10:00:08');
    expect(await call(core, 'privacy:unlock', { password: PASSWORD })).toMatchObject({ locked: false, retryAfterSeconds: null });
  });

  it('checks parallel guesses one at a time, so they cannot slip past the wait', async () => {
    const { core } = await withPassword();
    const results = await Promise.all(Array.from({ length: 5 }, () => core.dispatch('privacy:unlock', { password: 'guess' })));
    const messages = results.map((result) => (result.ok ? 'ok' : result.error.message));
    expect(messages.filter((message) => message.includes('秒后再试') && !message.includes('密码不正确'))).toHaveLength(2);
  });

  it('locks itself after the set minutes without use; any use in between starts the count again', async () => {
    const { core, clock } = await withPassword(5);
    await call(core, 'privacy:unlock', { password: PASSWORD });
    clock.set('2026-11-22T10:04:00');
    await call(core, 'privacy:touch');
    clock.set('2026-11-22T10:08:30');
    await call(core, 'members:list');
    clock.set('2026-11-22T10:13:00');
    expect((await status(core)).locked).toBe(false);
    clock.set('2026-11-22T10:13:31');
    const result = await core.dispatch('members:list');
    expect(result).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(result.ok || result.error.message).toContain('已超过 5 分钟未操作');
    // Asking for the status does not count as use.
    expect(await call(core, 'privacy:unlock', { password: PASSWORD })).toMatchObject({ locked: false });
    clock.set('2026-11-22T10:17:00');
    await status(core);
    clock.set('2026-11-22T10:18:32');
    expect((await status(core)).locked).toBe(true);
  });

  it('locks at once on request', async () => {
    const { core } = await withPassword();
    await call(core, 'privacy:unlock', { password: PASSWORD });
    expect(await call(core, 'privacy:lock')).toMatchObject({ locked: true });
    expect(await core.dispatch('members:list')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('changes and removes the password only with the current one', async () => {
    const { dataDir, core } = await withPassword();
    await call(core, 'privacy:unlock', { password: PASSWORD });
    expect(await core.dispatch('privacy:setPassword', { newPassword: 'another-1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'currentPassword' }] } });
    expect(await core.dispatch('privacy:setPassword', { currentPassword: 'nope', newPassword: 'another-1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'currentPassword', message: expect.stringContaining('密码不正确') }] },
    });
    await call(core, 'privacy:setPassword', { currentPassword: PASSWORD, newPassword: 'another-1' });
    expect(await core.dispatch('privacy:removePassword', { currentPassword: PASSWORD })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await call(core, 'privacy:setIdleMinutes', { idleMinutes: 30 });

    const restarted = start(dataDir);
    expect(await status(restarted)).toMatchObject({ locked: true, idleMinutes: 30 });
    expect(await restarted.dispatch('privacy:unlock', { password: PASSWORD })).toMatchObject({ ok: false });
    await call(restarted, 'privacy:unlock', { password: 'another-1' });
    expect(await call(restarted, 'privacy:removePassword', { currentPassword: 'another-1' })).toMatchObject({ passwordSet: false, locked: false });
    expect(await status(start(dataDir))).toMatchObject({ passwordSet: false, locked: false, idleMinutes: 30 });
  });

  it('refuses a short new password or idle minutes out of range, saying what to fix', async () => {
    const core = start(tempDataDir());
    expect(await core.dispatch('privacy:setPassword', { newPassword: '123' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'newPassword', label: '新密码', message: '至少6个字符' }] } });
    expect(await core.dispatch('privacy:setIdleMinutes', { idleMinutes: 0 })).toMatchObject({ ok: false, error: { details: [{ path: 'idleMinutes', label: '自动锁定时间' }] } });
    expect((await status(core)).passwordSet).toBe(false);
  });

  it('is not enforced on the command line, which can read the data folder anyway', async () => {
    const { dataDir } = await withPassword();
    const cli = start(dataDir, fixedClock(), 'cli');
    expect(await call<unknown[]>(cli, 'members:list')).toHaveLength(1);
  });

  it('stays locked with a damaged password file and says there is no way around it', async () => {
    const { dataDir } = await withPassword();
    writeFileSync(join(dataDir, APP_PASSWORD_FILE), '{"format":1,');
    const core = start(dataDir);
    expect(await status(core)).toMatchObject({ passwordSet: true, locked: true });
    const result = await core.dispatch('privacy:unlock', { password: PASSWORD });
    expect(result.ok || result.error.message).toContain('已损坏');
    expect(result.ok || result.error.message).toContain('交接包');
    expect(await core.dispatch('members:list')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
