import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttachmentContent, AttachmentItem } from '../../src/shared/contract/attachments';
import type { HomeOverview } from '../../src/shared/contract/home';
import type { MeetingListItem } from '../../src/shared/contract/meetings';
import { MAX_ATTACHMENT_BYTES } from '../../src/shared/domain/attachments';
import { MAX_BODY_BYTES } from '../../src/main/rpc/http';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const DOCX = Buffer.from('PK\u0003\u0004 not really a zip, but named .docx');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const b64 = (bytes: Buffer) => bytes.toString('base64');

async function demo(dataDir?: string) {
  const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00'), dataDir });
  if (!dataDir) await call(core, 'demo:create');
  return core;
}

type Core = Awaited<ReturnType<typeof demo>>;

async function twoMeetings(core: Core): Promise<[number, number]> {
  const list = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025 });
  return [list[0].id, list[1].id];
}

function add(core: Core, meetingId: number, fileName: string, bytes: Buffer, kind = 'other') {
  return call<AttachmentItem>(core, 'attachments:add', { meetingId, kind, fileName, contentBase64: b64(bytes) });
}

/** Every stored file (and temp file) under the data folder's attachments/, as relative paths. */
function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

const storedPath = (dataDir: string, hash: string) => join(dataDir, 'attachments', hash.slice(0, 2), hash);

describe('attachments', () => {
  it('adds, lists, reads back byte for byte and deletes, files named by their SHA-256', async () => {
    const core = await demo();
    const [meetingId] = await twoMeetings(core);
    const photo = await add(core, meetingId, '活动现场.png', PNG, 'photo');
    const notice = await add(core, meetingId, '关于召开党员大会的通知.pdf', PDF, 'notice');
    const slides = await add(core, meetingId, '党课讲稿.docx', DOCX, 'slides');

    expect(photo).toMatchObject({ meetingId, kind: 'photo', fileName: '活动现场.png', size: PNG.length, mime: 'image/png', sha256: sha256(PNG), addedAt: new Date('2026-11-22T10:00:00').toISOString() });
    expect(notice.mime).toBe('application/pdf');
    expect(slides.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const list = await call<AttachmentItem[]>(core, 'attachments:list', { meetingId });
    expect(list.map((item) => item.fileName)).toEqual(['活动现场.png', '关于召开党员大会的通知.pdf', '党课讲稿.docx']);

    for (const [item, bytes] of [[photo, PNG], [notice, PDF], [slides, DOCX]] as const) {
      const content = await call<AttachmentContent>(core, 'attachments:get', { id: item.id });
      expect(Buffer.from(content.contentBase64, 'base64').equals(bytes)).toBe(true);
      expect(content).toMatchObject({ fileName: item.fileName, mime: item.mime });
      expect(sha256(readFileSync(storedPath(core.dataDir, item.sha256)))).toBe(item.sha256);
    }
    expect(storedFiles(core.dataDir)).toHaveLength(3);
    const counted = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025 });
    expect(counted.find((item) => item.id === meetingId)!.attachmentCount).toBe(3);

    await call(core, 'attachments:delete', { id: notice.id });
    expect((await call<AttachmentItem[]>(core, 'attachments:list', { meetingId })).map((item) => item.id)).toEqual([photo.id, slides.id]);
    expect(existsSync(storedPath(core.dataDir, notice.sha256))).toBe(false);
    expect(await core.dispatch('attachments:get', { id: notice.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('stores the same content once for several records, refuses it twice on one record, and keeps it while any record uses it', async () => {
    const core = await demo();
    const [first, second] = await twoMeetings(core);
    const a = await add(core, first, '签到表.pdf', PDF, 'signInSheet');
    const b = await add(core, second, '签到表（复印）.pdf', PDF, 'signInSheet');
    expect(b.sha256).toBe(a.sha256);
    expect(storedFiles(core.dataDir)).toEqual([join(a.sha256.slice(0, 2), a.sha256)]);

    const again = await core.dispatch('attachments:add', { meetingId: first, kind: 'other', fileName: '又一份.pdf', contentBase64: b64(PDF) });
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!again.ok) expect(again.error.message).toContain('“又一份.pdf”与本记录已有的附件“签到表.pdf”内容相同');

    await call(core, 'attachments:delete', { id: a.id });
    expect(existsSync(storedPath(core.dataDir, a.sha256))).toBe(true);
    const content = await call<AttachmentContent>(core, 'attachments:get', { id: b.id });
    expect(Buffer.from(content.contentBase64, 'base64').equals(PDF)).toBe(true);
    await call(core, 'attachments:delete', { id: b.id });
    expect(storedFiles(core.dataDir)).toEqual([]);
  });

  it('detects a file changed or removed on disk, names it, and heals it when the same content is added again', async () => {
    const core = await demo();
    const [first, second] = await twoMeetings(core);
    const item = await add(core, first, '支部委员会会议照片.png', PNG, 'photo');
    const file = storedPath(core.dataDir, item.sha256);

    const tampered = Buffer.from(PNG);
    tampered[tampered.length - 5] ^= 0xff;
    writeFileSync(file, tampered);
    const corrupt = await core.dispatch('attachments:get', { id: item.id });
    expect(corrupt).toMatchObject({ ok: false, error: { code: 'STORE_CORRUPT' } });
    if (!corrupt.ok) {
      expect(corrupt.error.message).toContain('附件“支部委员会会议照片.png”的文件已损坏或被改动');
      expect(corrupt.error.message).toContain(`attachments/${item.sha256.slice(0, 2)}/${item.sha256}`);
    }

    // Adding the same picture elsewhere rewrites the damaged copy: both records read it again.
    await add(core, second, '照片.png', PNG, 'photo');
    expect(readFileSync(file).equals(PNG)).toBe(true);
    expect((await core.dispatch('attachments:get', { id: item.id })).ok).toBe(true);

    writeFileSync(file, Buffer.concat([PNG, Buffer.from('x')]));
    expect(await core.dispatch('attachments:get', { id: item.id })).toMatchObject({ ok: false, error: { code: 'STORE_CORRUPT' } });
    rmSync(file);
    const missing = await core.dispatch('attachments:get', { id: item.id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!missing.ok) expect(missing.error.message).toContain('附件“支部委员会会议照片.png”的文件在数据文件夹中找不到');
  });

  it.each([
    ['an empty file', '空白.pdf', Buffer.alloc(0), '“空白.pdf”是空文件（0 字节），未添加'],
    ['a file just over the limit', '全程录像.mp4', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 7), '“全程录像.mp4”有 20 MB，超过了单个附件 20 MB 的上限，未添加。请压缩'],
    ['a file well over the limit', '课件（高清）.pptx', Buffer.alloc(25 * 1024 * 1024, 7), '“课件（高清）.pptx”有 25 MB，超过了单个附件 20 MB 的上限'],
    ['a name that is only dots', '..', PDF, '文件名：文件名无效'],
  ])('refuses %s with a message naming it, and writes nothing', async (_label, fileName, bytes, message) => {
    const core = await demo();
    const [meetingId] = await twoMeetings(core);
    const before = core.services.system.check().counts;
    const result = await core.dispatch('attachments:add', { meetingId, kind: 'other', fileName, contentBase64: b64(bytes) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toContain(message);
    expect(core.services.system.check().counts).toEqual(before);
    expect(storedFiles(core.dataDir)).toEqual([]);
  });

  it('accepts a file of exactly the limit', async () => {
    const core = await demo();
    const [meetingId] = await twoMeetings(core);
    const item = await add(core, meetingId, '课件.pptx', Buffer.alloc(MAX_ATTACHMENT_BYTES, 1), 'slides');
    expect(item.size).toBe(MAX_ATTACHMENT_BYTES);
    // …and such a file still fits in one browser-mode request.
    expect(JSON.stringify({ method: 'attachments:add', input: { meetingId, kind: 'slides', fileName: 'x'.repeat(120), contentBase64: b64(Buffer.alloc(MAX_ATTACHMENT_BYTES)) } }).length).toBeLessThan(MAX_BODY_BYTES);
  });

  it('keeps only the file name of a path and refuses content that is not base64', async () => {
    const core = await demo();
    const [meetingId] = await twoMeetings(core);
    expect((await add(core, meetingId, '../../etc/passwd', PDF)).fileName).toBe('passwd');
    expect((await add(core, meetingId, 'C:\\Users\\书记\\桌面\\签到表:扫描.png', PNG)).fileName).toBe('签到表_扫描.png');
    const garbled = await core.dispatch('attachments:add', { meetingId, kind: 'other', fileName: '通知.pdf', contentBase64: '%%%not base64%%%' });
    expect(garbled).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!garbled.ok) expect(garbled.error.message).toContain('“通知.pdf”的内容无法读取');
  });

  it('types files by their content: an .html renamed .png is not an image', async () => {
    const core = await demo();
    const [meetingId] = await twoMeetings(core);
    expect((await add(core, meetingId, '照片.png', Buffer.from('<script>alert(1)</script>'))).mime).toBe('application/octet-stream');
    expect((await add(core, meetingId, 'scan.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).mime).toBe('image/jpeg');
  });

  it('leaves no row and no stray file when the row cannot be written, or the file cannot', async () => {
    const core = await demo();
    const [meetingId] = await twoMeetings(core);
    const db = core.store.unsafeDatabase();
    db.exec("CREATE TEMP TRIGGER refuse_attachments BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    expect((await core.dispatch('attachments:add', { meetingId, kind: 'photo', fileName: 'a.png', contentBase64: b64(PNG) })).ok).toBe(false);
    expect(storedFiles(core.dataDir)).toEqual([]);
    db.exec('DROP TRIGGER refuse_attachments');

    // The attachments folder cannot be created (a file stands in its way).
    rmSync(join(core.dataDir, 'attachments'), { recursive: true, force: true });
    writeFileSync(join(core.dataDir, 'attachments'), 'in the way');
    const result = await core.dispatch('attachments:add', { meetingId, kind: 'photo', fileName: 'a.png', contentBase64: b64(PNG) });
    expect(result).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
    if (!result.ok) expect(result.error.message).toContain('添加附件未完成');
    expect(await call<AttachmentItem[]>(core, 'attachments:list', { meetingId })).toEqual([]);
  });

  it('deletes a record undoably: hidden everywhere, restored whole with its attachments', async () => {
    const core = await demo();
    const [meetingId] = await twoMeetings(core);
    const item = await add(core, meetingId, '签到表.pdf', PDF, 'signInSheet');
    const yearCount = async () => (await call<HomeOverview>(core, 'home:get')).meetings.find((entry) => entry.year === 2025)!.count;
    expect(await yearCount()).toBe(60);

    await call(core, 'meetings:delete', { id: meetingId });
    expect((await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025 })).map((row) => row.id)).not.toContain(meetingId);
    expect(await yearCount()).toBe(59);
    for (const [method, input] of [['meetings:get', { id: meetingId }], ['meetings:export', { id: meetingId }], ['attachments:list', { meetingId }], ['attachments:get', { id: item.id }], ['meetings:delete', { id: meetingId }]] as const) {
      expect(await core.dispatch(method, input), method).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await core.dispatch('attachments:add', { meetingId, kind: 'other', fileName: 'x.pdf', contentBase64: b64(DOCX) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(existsSync(storedPath(core.dataDir, item.sha256))).toBe(true);

    await call(core, 'meetings:restore', { id: meetingId });
    expect(await yearCount()).toBe(60);
    expect((await call<{ id: number }>(core, 'meetings:get', { id: meetingId })).id).toBe(meetingId);
    const content = await call<AttachmentContent>(core, 'attachments:get', { id: item.id });
    expect(Buffer.from(content.contentBase64, 'base64').equals(PDF)).toBe(true);
    const again = await core.dispatch('meetings:restore', { id: meetingId });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('makes deletions final at the next start: the record and its rows go, files only it used go, shared files stay', async () => {
    const core = await demo();
    const [doomed, kept] = await twoMeetings(core);
    const own = await add(core, doomed, '现场照片.png', PNG, 'photo');
    const shared = await add(core, doomed, '通知.pdf', PDF, 'notice');
    const keptCopy = await add(core, kept, '通知.pdf', PDF, 'notice');
    await call(core, 'meetings:delete', { id: doomed });
    // Until the app restarts the deletion can be undone, so nothing is removed yet.
    expect(existsSync(storedPath(core.dataDir, own.sha256))).toBe(true);

    // Left-overs of a crash: a temp file and an unnamed file from long ago, and one being written now.
    const folder = join(core.dataDir, 'attachments', 'ab');
    mkdirSync(folder, { recursive: true });
    const staleTemp = join(folder, `${'ab'.repeat(32)}.123456.tmp`);
    const staleOrphan = join(folder, 'ab'.repeat(32));
    const freshOrphan = join(folder, `ab${'cd'.repeat(31)}`);
    for (const file of [staleTemp, staleOrphan, freshOrphan]) writeFileSync(file, 'x');
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(staleTemp, longAgo, longAgo);
    utimesSync(staleOrphan, longAgo, longAgo);
    core.close();

    const reopened = await demo(core.dataDir);
    expect(reopened.services.system.check().counts.meetings).toBe(59);
    expect(await reopened.dispatch('meetings:restore', { id: doomed })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(reopened.services.system.check().counts.attachments).toBe(1);
    expect(existsSync(storedPath(core.dataDir, own.sha256))).toBe(false);
    expect(existsSync(storedPath(core.dataDir, shared.sha256))).toBe(true);
    const content = await call<AttachmentContent>(reopened, 'attachments:get', { id: keptCopy.id });
    expect(Buffer.from(content.contentBase64, 'base64').equals(PDF)).toBe(true);
    expect([existsSync(staleTemp), existsSync(staleOrphan), existsSync(freshOrphan)]).toEqual([false, false, true]);
    expect(reopened.services.system.check()).toMatchObject({ ok: true, foreignKeyProblems: 0 });
  });
});
