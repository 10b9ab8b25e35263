import { request as httpRequest } from 'node:http';

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Raw HTTP to the browser-mode host on 127.0.0.1 (not fetch), so a test can send any Host, Origin,
 * method and path (including `..`) as is. Host defaults to 127.0.0.1:port unless given.
 */
export function sendHttp(port: number, options: { method?: string; path?: string; headers?: Record<string, string | string[]>; body?: string | Buffer }): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: { host: `127.0.0.1:${port}`, ...options.headers }, setHost: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}
