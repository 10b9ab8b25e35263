// better-sqlite3 is built for Node (tests, browser mode, CLI). The desktop app needs a second build
// for Electron's ABI; it lives in .electron-native/ so the two never overwrite each other.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function electronNativePath(root) {
  return join(root, '.electron-native', 'better_sqlite3.node');
}

function nodeGypScript() {
  const candidates = [];
  if (process.env.npm_execpath) candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** Compiles better-sqlite3 against Electron's headers (needs them once from the network). */
export function buildElectronNative(root) {
  const require = createRequire(join(root, 'package.json'));
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const gyp = nodeGypScript();
  if (!gyp) return false;
  const work = mkdtempSync(join(tmpdir(), 'branch-ledger-native-'));
  try {
    console.log(`正在为 Electron ${electronVersion} 编译数据库组件（仅首次，约 1 分钟）…`);
    cpSync(dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true });
    const env = { ...process.env };
    delete env.npm_config_nodedir;
    execFileSync(process.execPath, [gyp, 'rebuild', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--release'], {
      cwd: work,
      env,
      stdio: 'inherit',
    });
    mkdirSync(dirname(electronNativePath(root)), { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), electronNativePath(root));
    return true;
  } catch {
    return false;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
