// `npm test`: every check in one go — typecheck, lint, unit + integration (vitest), e2e (Playwright).
// Ends with the combined line CI reads: "N passed, N failed". Exit code 1 on any failure or no tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

function run(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  console.log(`--- ${label}: ${child.status === 0 ? '通过' : '失败'}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  return child.status === 0;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const totals = { passed: 0, failed: 0 };
const stages = [];

// Typecheck and lint count as one check each.
for (const [label, args] of [
  ['typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']],
  ['typecheck (renderer)', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['lint', ['eslint', '--max-warnings', '0', '.']],
]) {
  const ok = run(label, npx, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  stages.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

const vitestJson = join(results, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestOk = run('unit + integration (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (vitestOk || report.numFailedTests > 0 ? 0 : 1);
  stages.push(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
} else {
  totals.failed += 1;
  stages.push('vitest: no report (did not run)');
}

const e2eJson = join(results, 'e2e-report.json');
rmSync(e2eJson, { force: true });
const depsOk = run('system packages for e2e', process.execPath, ['scripts/ensure-system-deps.mjs']);
const buildOk = depsOk && run('build', process.execPath, ['scripts/ensure-built.mjs']);
const e2eOk = buildOk && run('e2e (Playwright + Chromium)', npx, ['playwright', 'test']);
if (existsSync(e2eJson)) {
  const { stats } = JSON.parse(readFileSync(e2eJson, 'utf8'));
  const failed = stats.unexpected + stats.flaky;
  totals.passed += stats.expected;
  totals.failed += failed + (e2eOk || failed > 0 ? 0 : 1);
  stages.push(`e2e: ${stats.expected} passed, ${failed} failed`);
} else {
  totals.failed += 1;
  stages.push(`e2e: no report (${!depsOk ? 'system packages missing' : !buildOk ? 'build failed' : 'did not run'})`);
}

console.log('\n=== 汇总 ===');
for (const stage of stages) console.log(`  ${stage}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
