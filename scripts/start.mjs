// `npm start`: the desktop app when the Electron runtime is installed, otherwise browser mode.
// `npm start -- --browser` forces browser mode; other arguments (--data-dir, --port) pass through.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectronNative, electronNativePath } from './electron-native.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2).filter((arg) => arg !== '--browser');

await import('./ensure-built.mjs');

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function browserMode(reason) {
  if (reason) console.log(reason);
  run(process.execPath, [join(root, 'out', 'main', 'serve.js'), '--open', ...args]);
}

const binary = process.argv.includes('--browser') ? null : electronBinary();
if (!binary) {
  browserMode(process.argv.includes('--browser') ? null : '未找到 Electron 运行环境，已改用浏览器模式启动（功能相同，数据保存在同一位置）。');
} else if (!existsSync(electronNativePath(root)) && !buildElectronNative(root)) {
  browserMode('无法为 Electron 准备数据库组件，已改用浏览器模式启动（功能相同）。');
} else {
  run(binary, ['.', ...args]);
}
