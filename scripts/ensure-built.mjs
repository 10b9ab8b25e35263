// Builds the app (main, preload, renderer) when any source is newer than the last build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'out', '.build-stamp');
const inputs = ['src', 'seeds', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sourceTime = Math.max(...inputs.map((input) => newest(join(root, input))));
if (existsSync(stamp) && statSync(stamp).mtimeMs >= sourceTime && process.env.FORCE_BUILD !== '1') process.exit(0);

console.log('正在构建支部台账…');
execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
writeFileSync(stamp, new Date().toISOString());
