import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds the app when any source is newer than out/, so the suite never runs stale code. */
export default function globalSetup(): void {
  const root = join(__dirname, '..', '..');
  execFileSync(process.execPath, [join(root, 'scripts', 'ensure-built.mjs')], { cwd: root, stdio: 'inherit' });
}
