import { createReadStream, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { AppError, type ErrorCode } from '../../shared/contract/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { lookupRendererFile } from '../staticFiles';
import type { Dispatch } from './dispatch';

export const TOKEN_HEADER = 'x-branch-ledger-token';
// Large enough for one attachment of MAX_ATTACHMENT_BYTES (20 MB) as base64 (×4/3) inside JSON.
export const MAX_BODY_BYTES = 32 * 1024 * 1024;



const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface HttpHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  token: string;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: new AppError(code, message).toBody() });
}

/**
 * Browser mode: serves the renderer bundle and answers POST /rpc on 127.0.0.1 only. Every request
 * must name this server as its Host (blocks DNS rebinding); /rpc also needs the per-launch token
 * and, when a browser sends one, our own Origin (blocks other local pages).
 */
export function createHttpHost({ dispatch, rendererDir, token }: HttpHostOptions): Server {
  const root = resolve(rendererDir);
  const indexHtml = readFileSync(join(root, 'index.html'), 'utf8').replace(
    '</head>',
    `<meta name="branch-ledger-token" content="${token}"></head>`,
  );

  const server = createServer((req, res) => {
    const port = (server.address() as { port: number } | null)?.port;
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!req.headers.host || !allowedHosts.includes(req.headers.host)) {
      refuse(res, 403, 'FORBIDDEN', '拒绝访问：只接受本机地址的请求。');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      refuse(res, 403, 'FORBIDDEN', '拒绝访问：请求来自其他网页。');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/rpc') {
      // A client that hangs up mid-body rejects the read: drop that request, keep the host running.
      handleRpc(req, res).catch(() => {
        if (!res.headersSent) refuse(res, 400, 'VALIDATION', '请求未完整送达，请重试。');
        req.destroy();
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, 'FORBIDDEN', '不支持的请求方式。');
      return;
    }
    serveStatic(url.pathname, res);
  });

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'FORBIDDEN', '不支持的请求方式。');
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameSecret(given, token)) {
      req.resume();
      return refuse(res, 403, 'FORBIDDEN', '拒绝访问：缺少或错误的会话令牌。请重新打开软件页面。');
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      req.resume();
      return refuse(res, 415, 'VALIDATION', '请求格式有误：应为 JSON。');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) {
        // Answer first, then drop the connection: reading on would let a client stream forever.
        res.setHeader('connection', 'close');
        res.on('finish', () => req.destroy());
        refuse(res, 413, 'VALIDATION', `提交的内容过大（超过 ${MAX_BODY_BYTES / 1024 / 1024} MB），未保存。`);
        return;
      }
      chunks.push(chunk as Buffer);
    }
    let body: { method?: unknown; input?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return refuse(res, 400, 'VALIDATION', '请求格式有误：不是有效的 JSON。');
    }
    if (!body || typeof body !== 'object') return refuse(res, 400, 'VALIDATION', '请求格式有误。');
    sendJson(res, 200, await dispatch(String(body.method), body.input));
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const found = lookupRendererFile(root, pathname);
    if (found.kind === 'refused') {
      return found.status === 400 ? refuse(res, 400, 'VALIDATION', '请求地址有误。') : refuse(res, 404, 'NOT_FOUND', '找不到该文件。');
    }
    const headers = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    };
    if (found.kind === 'index') {
      res.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES['.html'], 'cache-control': 'no-store' });
      res.end(indexHtml);
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES[extname(found.file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(found.file).pipe(res);
  }

  return server;
}
