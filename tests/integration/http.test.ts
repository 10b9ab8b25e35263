import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHttp } from '../helpers/rawHttp';
import { createHttpHost, MAX_BODY_BYTES, TOKEN_HEADER } from '../../src/main/rpc/http';
import { openCore, type Core } from '../../src/main/core';

const TOKEN = 'test-token-0123456789abcdef';
let server: Server;
let port: number;
let sandbox: string;
let core: Core;

const send = (options: Parameters<typeof sendHttp>[1]) => sendHttp(port, options);

function rpc(body: unknown, headers: Record<string, string> = {}) {
  return send({
    method: 'POST',
    path: '/rpc',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  sandbox = mkdtempSync(join(tmpdir(), 'branch-ledger-http-'));
  const rendererDir = join(sandbox, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>支部台账</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(sandbox, 'secret.txt'), 'outside the renderer folder');
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

describe('browser mode HTTP host', () => {
  it('answers the contract with the right token', async () => {
    const reply = await rpc({ method: 'branch:get' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: null });
  });

  it('accepts our own Origin', async () => {
    const reply = await rpc({ method: 'branch:get' }, { origin: `http://127.0.0.1:${port}` });
    expect(reply.status).toBe(200);
  });

  it.each([
    ['no token', { [TOKEN_HEADER]: '' }],
    ['a wrong token', { [TOKEN_HEADER]: 'guess' }],
    ['a token of the right length but wrong value', { [TOKEN_HEADER]: 'x'.repeat(TOKEN.length) }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['a look-alike Origin', { origin: `http://127.0.0.1:${port}.evil.example` }],
    ['a foreign Host (DNS rebinding)', { host: `evil.example:${port}` }],
  ])('refuses %s with 403 FORBIDDEN', async (_label, headers) => {
    const reply = await rpc({ method: 'branch:get' }, headers as Record<string, string>);
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a body over the limit with 413 and no change', async () => {
    const reply = await rpc({ method: 'branch:create', input: { name: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(reply.status).toBe(413);
    const after = await rpc({ method: 'branch:get' });
    expect(JSON.parse(after.body), after.body).toEqual({ ok: true, value: null });
  });

  it('refuses non-JSON bodies and GET on /rpc', async () => {
    expect((await send({ method: 'POST', path: '/rpc', headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'text/plain' }, body: 'hi' })).status).toBe(415);
    expect((await send({ method: 'POST', path: '/rpc', headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' }, body: '{oops' })).status).toBe(400);
    expect((await send({ method: 'GET', path: '/rpc', headers: { [TOKEN_HEADER]: TOKEN } })).status).toBe(405);
  });

  it('gives the page its token in a meta tag, with a strict policy and no caching', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain(`<meta name="branch-ledger-token" content="${TOKEN}">`);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('refuses the page itself to a foreign Host', async () => {
    const reply = await send({ path: '/', headers: { host: 'attacker.example' } });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain(TOKEN);
  });

  it('serves renderer files with their content type', async () => {
    const reply = await send({ path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('text/javascript');
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..\\secret.txt', '/%00index.html'])(
    'never serves files outside the renderer folder: %s',
    async (path) => {
      const reply = await send({ path });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.body).not.toContain('outside the renderer folder');
    },
  );

  it('refuses writes to static paths', async () => {
    expect((await send({ method: 'PUT', path: '/index.html', body: 'x' })).status).toBe(405);
  });
});
