import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHttp } from '../../helpers/rawHttp';
import { openCore, type Core } from '../../../src/main/core';
import { createHttpHost, MAX_BODY_BYTES, TOKEN_HEADER } from '../../../src/main/rpc/http';
import { lookupRendererFile } from '../../../src/main/staticFiles';
import { fingerprint } from '../../helpers/dbFingerprint';
import { aBranch } from '../../helpers/builders';

// Browser mode (npm start without Electron, npm run serve): the HTTP host in src/main/rpc/http.ts.
// A hostile local web page, a DNS-rebinding site or a curious local user may send anything; only
// the page served by this host, with its per-launch token, gets answers, and only files of the
// renderer folder are ever served.

const TOKEN = 'launch-token-9f8e7d6c5b4a3210';
const SECRET = 'SECRET-OUTSIDE-RENDERER';
let server: Server;
let port: number;
let sandbox: string;
let rendererDir: string;
let core: Core;

const send = (options: Parameters<typeof sendHttp>[1]) => sendHttp(port, options);

/** Bytes exactly as given on the socket (paths Node's client would reject, missing Host…). */
function sendRaw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

const rpcHeaders = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...extra });
const rpc = (body: unknown, headers: Record<string, string> = {}) => send({ method: 'POST', path: '/rpc', headers: rpcHeaders(headers), body: JSON.stringify(body) });
const statusOf = (raw: string) => Number(raw.split(' ')[1]);

beforeAll(async () => {
  sandbox = mkdtempSync(join(tmpdir(), 'branch-ledger-browser-'));
  rendererDir = join(sandbox, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>支部台账</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(sandbox, 'secret.txt'), SECRET);
  // A sibling folder whose name starts like the renderer folder's ("renderer-old").
  mkdirSync(join(sandbox, 'renderer-old'));
  writeFileSync(join(sandbox, 'renderer-old', 'app.js'), SECRET);
  // Symlinks inside the renderer folder that point out of it (file and folder).
  symlinkSync(join(sandbox, 'secret.txt'), join(rendererDir, 'assets', 'linked.js'));
  symlinkSync(sandbox, join(rendererDir, 'outside'));
  symlinkSync('/etc', join(rendererDir, 'etc'));
  core = openCore({ dataDir: join(sandbox, 'data'), host: 'browser', logError: () => undefined });
  server = createHttpHost({ dispatch: core.dispatch, rendererDir, token: TOKEN });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
  core.close();
  rmSync(sandbox, { recursive: true, force: true });
});

describe('browser mode: who may call /rpc', () => {
  it('answers the page that carries the token (and our own Origin, as 127.0.0.1 or localhost)', async () => {
    expect((await rpc({ method: 'branch:get' })).status).toBe(200);
    expect((await rpc({ method: 'branch:get' }, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await send({ method: 'POST', path: '/rpc', headers: { ...rpcHeaders({ origin: `http://localhost:${port}` }), host: `localhost:${port}` }, body: '{"method":"branch:get"}' })).status).toBe(200);
  });

  it.each<[string, Record<string, string | string[]>]>([
    ['no token', { [TOKEN_HEADER]: '' }],
    ['a wrong token', { [TOKEN_HEADER]: 'launch-token-0000000000000000' }],
    ['the token with different case', { [TOKEN_HEADER]: TOKEN.toUpperCase() }],
    ['the token with a suffix', { [TOKEN_HEADER]: `${TOKEN}x` }],
    ['the token twice', { [TOKEN_HEADER]: [TOKEN, TOKEN] }],
    ['a prefix of the token', { [TOKEN_HEADER]: TOKEN.slice(0, 10) }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['the opaque Origin "null" (sandboxed frame, file://)', { origin: 'null' }],
    ['our address over https', { origin: `https://127.0.0.1:${port}` }],
    ['another local port', { origin: `http://127.0.0.1:${port + 1}` }],
    ['a look-alike Origin', { origin: `http://127.0.0.1:${port}.evil.example` }],
    ['a foreign Host (DNS rebinding)', { host: `evil.example:${port}` }],
    ['a rebinding Host without port', { host: 'evil.example' }],
    ['our Host on another port', { host: `127.0.0.1:${port + 1}` }],
    ['an empty Host', { host: '' }],
  ])('refuses %s with 403 and does nothing', async (_label, headers) => {
    const before = fingerprint(core.store.unsafeDatabase());
    const reply = await send({ method: 'POST', path: '/rpc', headers: { ...rpcHeaders(), ...headers }, body: JSON.stringify({ method: 'branch:create', input: aBranch() }) });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(reply.body).not.toContain(TOKEN);
    expect(fingerprint(core.store.unsafeDatabase())).toBe(before);
  });

  it('does not accept the token in the query string instead of the header', async () => {
    const reply = await send({ method: 'POST', path: `/rpc?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, body: '{"method":"branch:get"}' });
    expect(reply.status).toBe(403);
  });

  it('refuses a request without any Host header (HTTP/1.0)', async () => {
    const raw = await sendRaw(`POST /rpc HTTP/1.0\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${TOKEN}\r\ncontent-length: 22\r\n\r\n{"method":"branch:get"}`);
    expect(statusOf(raw)).toBe(403);
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])('refuses %s on /rpc with 405, with no CORS allowance', async (method) => {
    const reply = await send({ method, path: '/rpc', headers: rpcHeaders({ 'access-control-request-method': 'POST' }) });
    expect(reply.status).toBe(405);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses non-JSON bodies (a cross-site form post cannot be JSON)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await send({ method: 'POST', path: '/rpc', headers: { [TOKEN_HEADER]: TOKEN, 'content-type': type }, body: 'method=branch:create' });
      expect(reply.status, type).toBe(415);
    }
  });

  it('never sends CORS headers that would let another page read answers', async () => {
    const reply = await rpc({ method: 'branch:get' }, { origin: `http://127.0.0.1:${port}` });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('browser mode: body size', () => {
  it('refuses a body over MAX_BODY_BYTES with 413, streamed without a length too, and saves nothing', async () => {
    const before = fingerprint(core.store.unsafeDatabase());
    const big = JSON.stringify({ method: 'branch:create', input: { ...aBranch(), name: 'x'.repeat(MAX_BODY_BYTES) } });
    const declared = await send({ method: 'POST', path: '/rpc', headers: rpcHeaders(), body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toContain('过大');
    const chunked = await send({ method: 'POST', path: '/rpc', headers: rpcHeaders({ 'transfer-encoding': 'chunked' }), body: big });
    expect(chunked.status).toBe(413);
    expect(fingerprint(core.store.unsafeDatabase())).toBe(before);
    // The host still answers afterwards.
    expect((await rpc({ method: 'branch:get' })).status).toBe(200);
  });

  it('survives a client that hangs up in the middle of a body', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /rpc HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${TOKEN}\r\ncontent-length: 100000\r\n\r\n{"method":`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await rpc({ method: 'branch:get' })).status).toBe(200);
  });

  it('answers malformed JSON and odd top-level values without crashing', async () => {
    for (const body of ['{oops', '', 'null', '[]', '"branch:get"', '{"method":{"toString":1}}', '{"method":"constructor"}', '{"method":"__proto__","input":{}}']) {
      const reply = await send({ method: 'POST', path: '/rpc', headers: rpcHeaders(), body });
      expect([200, 400], body).toContain(reply.status);
      const answer = JSON.parse(reply.body);
      expect(answer.ok, body).toBe(false);
      expect(['VALIDATION', 'UNKNOWN_METHOD']).toContain(answer.error.code);
    }
  });
});

describe('browser mode: static files never come from outside the renderer folder', () => {
  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/..%c0%afsecret.txt',
    '/.%2e/secret.txt',
    `/${'%2e%2e/'.repeat(12)}etc/passwd`,
    '//etc/passwd',
    '/etc/passwd',
    '/C:/Windows/win.ini',
    '/C:%5cWindows%5cwin.ini',
    '/%00index.html',
    '/index.html%00.js',
    '/assets/app.js%00',
    '/assets/linked.js',
    '/outside/secret.txt',
    '/outside/renderer-old/app.js',
    '/etc/hostname',
    '/../renderer-old/app.js',
    '/assets',
    '/assets/',
  ])('%s → refused', async (path) => {
    const raw = await sendRaw(`GET ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`);
    expect(statusOf(raw), raw.slice(0, 200)).toBeGreaterThanOrEqual(400);
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain('root:');
    expect(raw).not.toContain(sandbox);
  });

  it('an absolute-form request target cannot name another host or climb out', async () => {
    for (const target of ['http://evil.example/../secret.txt', `http://127.0.0.1:${port}/../secret.txt`, 'file:///etc/passwd']) {
      const raw = await sendRaw(`GET ${target} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`);
      expect(raw, target).not.toContain(SECRET);
      expect(raw, target).not.toContain('root:');
    }
  });

  it('refuses writes to static paths', async () => {
    for (const method of ['PUT', 'POST', 'DELETE']) expect((await send({ method, path: '/assets/app.js', body: 'x' })).status).toBe(405);
  });

  it('still serves the real files, with the strict policy', async () => {
    const reply = await send({ path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('console.log(1)');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const page = await send({ path: '/' });
    expect(page.body).toContain(TOKEN);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('the lookup is the same for the desktop app:// protocol (pure check, no server)', () => {
    expect(lookupRendererFile(rendererDir, '/assets/app.js')).toMatchObject({ kind: 'file' });
    expect(lookupRendererFile(rendererDir, '/')).toEqual({ kind: 'index' });
    expect(lookupRendererFile(rendererDir, '/assets/linked.js')).toEqual({ kind: 'refused', status: 404 });
    expect(lookupRendererFile(rendererDir, '/%E0%A4%A')).toEqual({ kind: 'refused', status: 400 });
    expect(lookupRendererFile(rendererDir, '/a%00b')).toEqual({ kind: 'refused', status: 400 });
    expect(lookupRendererFile(rendererDir, '/../renderer-old/app.js')).toEqual({ kind: 'refused', status: 404 });
  });
});
