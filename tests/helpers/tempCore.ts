import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openCore, type Core } from '../../src/main/core';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** A fresh data folder, removed after the test. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'branch-ledger-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A clock the test can move; starts at the given local date and time. */
export function fixedClock(iso = '2026-11-22T10:00:00') {
  let now = new Date(iso);
  const clock = () => new Date(now);
  clock.set = (next: string) => {
    now = new Date(next);
  };
  return clock;
}

/** The real core (SQLite file, migrations, services, dispatch) on a temporary data folder. */
export function tempCore(options: { clock?: () => Date; dataDir?: string; installedFonts?: () => ReadonlySet<string> | null } = {}): Core & { dataDir: string } {
  const dataDir = options.dataDir ?? tempDataDir();
  const core = openCore({ dataDir, host: 'cli', clock: options.clock ?? fixedClock(), logError: () => undefined, installedFonts: options.installedFonts });
  cleanups.unshift(() => core.close());
  return Object.assign(core, { dataDir });
}

/** Calls dispatch and returns the value, failing the test with the error message otherwise. */
export async function call<T = unknown>(core: Core, method: string, input?: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
