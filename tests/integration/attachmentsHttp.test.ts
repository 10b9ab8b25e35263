import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createHttpHost, TOKEN_HEADER } from '../../src/main/rpc/http';
import type { Envelope } from '../../src/shared/contract/errors';
import type { AttachmentContent, AttachmentItem } from '../../src/shared/contract/attachments';
import type { MeetingListItem } from '../../src/shared/contract/meetings';
import { MAX_ATTACHMENT_BYTES } from '../../src/shared/domain/attachments';
import { call, tempCore, tempDataDir } from '../helpers/tempCore';

const TOKEN = 'attachments-http-token';
let server: Server | null = null;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

// The size limit is chosen so that the largest file still crosses browser mode's body limit.
it('carries an attachment of the full 20 MB through browser mode in one request each way', async () => {
  const core = tempCore();
  await call(core, 'demo:create');
  const [meeting] = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025 });
  const rendererDir = join(tempDataDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  server = createHttpHost({ dispatch: core.dispatch, rendererDir, token: TOKEN });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/rpc`;
  const rpc = async <T>(method: string, input: unknown): Promise<T> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, body: JSON.stringify({ method, input }) });
    const envelope = (await response.json()) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${response.status} ${envelope.error.message}`);
    return envelope.value;
  };

  const bytes = Buffer.alloc(MAX_ATTACHMENT_BYTES);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
  let started = performance.now();
  const item = await rpc<AttachmentItem>('attachments:add', { meetingId: meeting.id, kind: 'slides', fileName: '党课课件.pptx', contentBase64: bytes.toString('base64') });
  const addMs = performance.now() - started;
  started = performance.now();
  const content = await rpc<AttachmentContent>('attachments:get', { id: item.id });
  const getMs = performance.now() - started;
  expect(item.size).toBe(MAX_ATTACHMENT_BYTES);
  expect(Buffer.from(content.contentBase64, 'base64').equals(bytes)).toBe(true);
  console.info(`20 MB attachment over HTTP: add ${Math.round(addMs)} ms, get ${Math.round(getMs)} ms`);
});
