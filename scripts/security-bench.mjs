// `npm run bench:security [-- --kills N] [-- --fuzz N]`: the crash-safety and IPC-fuzz tests with
// the large counts the issue asks for (npm test runs them small: 5 kills, 100 cases per method).
// Prints each test file's own summary line (kills survived, fuzz cases run) and its time.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const kills = option('--kills', '100');
const fuzz = option('--fuzz', '1000');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let failed = false;
for (const [label, file, env] of [
  ['crash safety', 'tests/integration/security/crashSafety.test.ts', { CRASH_KILLS: kills }],
  ['IPC fuzz', 'tests/integration/security/ipcFuzz.test.ts', { FUZZ_RUNS: fuzz }],
]) {
  const started = Date.now();
  const child = spawnSync(npx, ['vitest', 'run', file, '--testTimeout', '3600000'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  // eslint-disable-next-line no-control-regex
  const plain = child.stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const summary = plain.split('\n').filter((line) => /(crash safety|IPC fuzz): \d|Tests\s+\d/.test(line));
  console.log(`${label}: ${child.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const line of summary) console.log(`  ${line.trim()}`);
  if (child.status !== 0) {
    failed = true;
    console.log(child.stdout.slice(-4000), child.stderr.slice(-2000));
  }
}
process.exit(failed ? 1 : 0);
