import { net, protocol } from 'electron';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { lookupRendererFile } from '../staticFiles';

/** Must run before app 'ready': app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the renderer bundle from app://bundle/ with the strict policy; nothing outside it. */
export function serveRendererBundle(rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const found = lookupRendererFile(root, pathname);
    if (found.kind === 'refused') return new Response('Not found', { status: found.status });
    const file = found.kind === 'index' ? join(root, 'index.html') : found.file;
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}
