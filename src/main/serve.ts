import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { isAppError } from '../shared/contract/errors';
import { openCore } from './core';
import { resolveDataDir } from './dataDir';
import { createHttpHost } from './rpc/http';

// Browser mode: the same core and renderer, served on 127.0.0.1 for machines without Electron.
// Usage: node out/main/serve.js [--data-dir DIR] [--port N] [--open]

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function openInBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('未能自动打开浏览器，请手动打开上面的地址。'));
    child.unref();
  } catch {
    console.log('未能自动打开浏览器，请手动打开上面的地址。');
  }
}

function main(): void {
  const dataDir = resolveDataDir(process.argv);
  const port = Number(option('--port') ?? process.env.PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口号无效：${option('--port')}`);
    process.exit(2);
  }

  let core;
  try {
    core = openCore({ dataDir, host: 'browser' });
  } catch (error) {
    console.error(isAppError(error) ? `无法启动：${error.message}` : error);
    process.exit(1);
  }

  const token = randomBytes(24).toString('base64url');
  const server = createHttpHost({ dispatch: core.dispatch, rendererDir: join(__dirname, '../renderer'), token });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    const url = `http://127.0.0.1:${address.port}/`;
    console.log(`支部台账（浏览器模式）已启动：${url}`);
    console.log(`数据文件夹：${dataDir}`);
    if (core.damaged) console.log(`注意：数据文件损坏，软件以“恢复模式”启动，请在页面中从备份恢复。（${core.damaged}）`);
    console.log('按 Ctrl+C 退出。');
    if (process.argv.includes('--open')) openInBrowser(url);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请换一个端口（--port）。` : `无法启动服务：${error.message}`);
    core.close();
    process.exit(1);
  });

  const shutdown = () => {
    server.close();
    server.closeAllConnections();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main();
