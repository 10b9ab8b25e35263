import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import {
  DEFAULT_IDLE_MINUTES,
  METHODS_ALLOWED_WHILE_LOCKED,
  PRIVACY_FIELD_LABELS,
  idleMinutesField,
  type PrivacyStatus,
  type privacyRemovePasswordInput,
  type privacySetIdleMinutesInput,
  type privacySetPasswordInput,
  type privacyUnlockInput,
} from '../../shared/contract/privacy';
import { hashPassword, needsRehash, verifyPassword, type PasswordHash } from './passwordHash';
import type { ServiceContext } from './context';

// The app password and the lock it guards. Why a file beside the database and not a table in it:
// the password belongs to this installation on this PC, not to the branch's records. Backups and
// the 交接包 carry the database, so they must not carry the old secretary's password into a new
// installation; and restoring a backup must not bring back a password nobody remembers. The lock
// keeps people at this PC out of the app; it does not encrypt the data file (anyone who can copy
// the file can read it with other tools), and the settings page says so.

export const APP_PASSWORD_FILE = 'app-password.json';

/** Wrong tries allowed without waiting; after that each try waits 2, 4, 8 … up to 60 seconds. */
export const FREE_ATTEMPTS = 2;
export const MAX_WAIT_SECONDS = 60;

export function waitAfterFailures(failures: number): number {
  return failures <= FREE_ATTEMPTS ? 0 : Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_SECONDS);
}

const storedSchema = z.strictObject({
  format: z.literal(1),
  password: z
    .strictObject({
      algorithm: z.literal('scrypt'),
      N: z.number().int().min(2),
      r: z.number().int().positive(),
      p: z.number().int().positive(),
      keyLength: z.number().int().min(16),
      salt: z.string().min(1),
      hash: z.string().min(1),
    })
    .nullable(),
  idleMinutes: idleMinutesField,
  changedAt: z.string(),
});
type Stored = z.infer<typeof storedSchema>;

const DAMAGED_MESSAGE =
  `应用密码文件（数据文件夹中的 ${APP_PASSWORD_FILE}）已损坏，无法核对密码。本软件没有绕过密码的办法：` +
  '请用交接包或备份文件在新的数据文件夹中恢复数据。';

type LoadResult = { kind: 'ok'; stored: Stored } | { kind: 'none' } | { kind: 'damaged' };

function load(file: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'damaged' };
  }
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? { kind: 'ok', stored: parsed.data } : { kind: 'damaged' };
  } catch {
    return { kind: 'damaged' };
  }
}

/** Temp file, fsync, rename: a crash leaves the old settings or the new ones, never half a file. */
function save(file: string, stored: Stored): void {
  const temp = `${file}.tmp`;
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(stored, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new AppError('STORE_FULL', '磁盘空间已满，应用密码设置未保存。请清理磁盘空间后重试。');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppError('STORE_READ_ONLY', '数据文件夹不可写入，应用密码设置未保存。请检查该文件夹的权限。');
    }
    throw error;
  }
}

function problem(field: string, message: string): AppError {
  const label = PRIVACY_FIELD_LABELS[field] ?? field;
  return new AppError('VALIDATION', `${label}：${message}`, [{ path: field, label, message }]);
}

/**
 * The lock in the core. Desktop and browser mode start locked when a password is set, and lock
 * themselves after the set minutes without use; dispatch asks gate() before every method. The
 * command line is not locked: whoever runs it can already read the data folder.
 */
export function createPrivacyService({ clock, dataDir, host }: Pick<ServiceContext, 'clock' | 'dataDir' | 'host'>) {
  const file = join(dataDir, APP_PASSWORD_FILE);
  const enforced = host !== 'cli';
  let current = load(file);
  const hasPassword = () => current.kind === 'damaged' || (current.kind === 'ok' && current.stored.password !== null);
  const idleMinutes = () => (current.kind === 'ok' ? current.stored.idleMinutes : DEFAULT_IDLE_MINUTES);

  let locked = enforced && hasPassword();
  let lockedBecauseIdle = false;
  let lastActivity = clock().getTime();
  let failures = 0;
  let retryAt = 0;
  // Password checks run one at a time, so parallel guesses cannot slip past the wait.
  let queue: Promise<unknown> = Promise.resolve();
  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const now = () => clock().getTime();

  function lockIfIdle() {
    if (!enforced || locked || !hasPassword()) return;
    if (now() - lastActivity > idleMinutes() * 60_000) {
      locked = true;
      lockedBecauseIdle = true;
    }
  }

  function status(): PrivacyStatus {
    lockIfIdle();
    const wait = Math.ceil((retryAt - now()) / 1000);
    return { passwordSet: hasPassword(), locked, idleMinutes: idleMinutes(), retryAfterSeconds: wait > 0 ? wait : null };
  }

  function write(next: Omit<Stored, 'format' | 'changedAt'>) {
    const stored: Stored = { format: 1, ...next, changedAt: clock().toISOString() };
    save(file, stored);
    current = { kind: 'ok', stored };
  }

  /** Checks a password against the stored hash, with the wait after repeated wrong tries. */
  async function check(password: string, field: string): Promise<PasswordHash> {
    if (current.kind === 'damaged') throw problem(field, DAMAGED_MESSAGE);
    const stored = current.kind === 'ok' ? current.stored.password : null;
    if (!stored) throw problem(field, '尚未设置应用密码');
    const wait = Math.ceil((retryAt - now()) / 1000);
    if (wait > 0) throw problem(field, `密码已连续输错 ${failures} 次，请 ${wait} 秒后再试`);
    if (!(await verifyPassword(password, stored))) {
      failures += 1;
      const next = waitAfterFailures(failures);
      retryAt = now() + next * 1000;
      throw problem(field, next > 0 ? `密码不正确（已连续输错 ${failures} 次），请 ${next} 秒后再试` : '密码不正确，请重新输入（注意大小写和输入法）');
    }
    failures = 0;
    retryAt = 0;
    return stored;
  }

  return {
    /** Called by dispatch before every method: null to go on, or the LOCKED error. */
    gate(method: string): AppError | null {
      if (!enforced || !hasPassword()) return null;
      if ((METHODS_ALLOWED_WHILE_LOCKED as readonly string[]).includes(method)) return null;
      lockIfIdle();
      if (locked) {
        return new AppError(
          'LOCKED',
          lockedBecauseIdle ? `已超过 ${idleMinutes()} 分钟未操作，支部台账已自动锁定。请输入应用密码解锁。` : undefined,
        );
      }
      lastActivity = now();
      return null;
    },

    status,

    unlock({ password }: z.output<typeof privacyUnlockInput>): Promise<PrivacyStatus> {
      return serially(async () => {
        if (!locked) return status();
        const stored = await check(password, 'password');
        locked = false;
        lockedBecauseIdle = false;
        lastActivity = now();
        if (needsRehash(stored) && current.kind === 'ok') write({ ...current.stored, password: await hashPassword(password) });
        return status();
      });
    },

    lock(): PrivacyStatus {
      if (!hasPassword()) throw new AppError('VALIDATION', '尚未设置应用密码，无法锁定。请先设置密码。');
      locked = enforced;
      lockedBecauseIdle = false;
      return status();
    },

    /** Someone is using the page: idle time starts again (gate() already noted it). */
    touch(): null {
      return null;
    },

    setPassword({ currentPassword, newPassword, idleMinutes: minutes }: z.output<typeof privacySetPasswordInput>): Promise<PrivacyStatus> {
      return serially(async () => {
        if (hasPassword()) {
          if (!currentPassword) throw problem('currentPassword', '修改密码须先输入当前密码');
          await check(currentPassword, 'currentPassword');
        }
        write({ password: await hashPassword(newPassword), idleMinutes: minutes ?? idleMinutes() });
        lastActivity = now();
        return status();
      });
    },

    removePassword({ currentPassword }: z.output<typeof privacyRemovePasswordInput>): Promise<PrivacyStatus> {
      return serially(async () => {
        await check(currentPassword, 'currentPassword');
        write({ password: null, idleMinutes: idleMinutes() });
        locked = false;
        return status();
      });
    },

    setIdleMinutes({ idleMinutes: minutes }: z.output<typeof privacySetIdleMinutesInput>): PrivacyStatus {
      if (current.kind === 'damaged') throw new AppError('VALIDATION', DAMAGED_MESSAGE);
      write({ password: current.kind === 'ok' ? current.stored.password : null, idleMinutes: minutes });
      return status();
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
