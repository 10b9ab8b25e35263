import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Starts and stops browser mode (out/main/serve.js) on a throw-away data folder, one per test.

const ROOT = join(__dirname, '..', '..');
const SERVE = join(ROOT, 'out', 'main', 'serve.js');
const CLI = join(ROOT, 'out', 'main', 'cli.js');
const READY = /已启动：(http:\/\/127\.0\.0\.1:\d+\/)/;
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

const run = promisify(execFile);
// The server's "today" is the local date; keep it in step with the browser's timezone (playwright.config.ts).
const env = { ...process.env, TZ: 'Asia/Shanghai' };

// Servers still running when the worker process goes away (crash, Ctrl+C) are killed with it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'branch-ledger-e2e-'));
}

export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Fills a data folder with the demo branch through the command line (faster than the wizard). */
export async function seedDemo(dataDir: string): Promise<void> {
  await run(process.execPath, [CLI, 'demo', '--data-dir', dataDir], { cwd: ROOT, env, timeout: START_TIMEOUT_MS });
}

export class ServeProcess {
  /** Everything the server printed, for the report when a test fails. */
  readonly log: string[] = [];
  private child: ChildProcess | null = null;
  private url: string | null = null;

  constructor(readonly dataDir: string) {}

  get baseUrl(): string {
    if (!this.url) throw new Error('browser-mode server is not running');
    return this.url;
  }

  async start(): Promise<string> {
    if (this.child) throw new Error('browser-mode server already running');
    const child = spawn(process.execPath, [SERVE, '--data-dir', this.dataDir, '--port', '0'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    running.add(child);
    child.once('exit', () => running.delete(child));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => this.log.push(`[stderr] ${text}`));

    this.url = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      const timer = setTimeout(() => fail(new Error(`server did not print its address within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      const onExit = (code: number | null, signal: string | null) => fail(new Error(`server exited before it was ready (code ${code}, signal ${signal})`));
      function fail(error: Error) {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.kill('SIGKILL');
        reject(error);
      }
      child.once('exit', onExit);
      child.once('error', fail);
      child.stdout!.setEncoding('utf8').on('data', (text: string) => {
        this.log.push(text);
        buffered += text;
        const match = READY.exec(buffered);
        if (match) {
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve(match[1]);
          buffered = '';
        }
      });
    }).catch((error: Error) => {
      this.child = null;
      throw new Error(`${error.message}\n${this.log.join('')}`);
    });
    return this.url;
  }

  /** SIGTERM (the server closes the database cleanly), SIGKILL only if it hangs; resolves with the exit code. */
  async stop(): Promise<number | null> {
    const child = this.child;
    this.child = null;
    this.url = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
      child.kill('SIGTERM');
    });
  }
}
