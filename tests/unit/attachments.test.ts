import { describe, expect, it } from 'vitest';
import { attachmentMime, defaultAttachmentKind, formatFileSize, isImageMime, isViewableMime, safeFileName } from '../../src/shared/domain/attachments';

describe('safeFileName', () => {
  it.each([
    ['签到表.pdf', '签到表.pdf'],
    ['/home/shuji/桌面/会议通知.docx', '会议通知.docx'],
    ['C:\\Users\\书记\\照片 1.jpg', '照片 1.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['a<b>c:d"e|f?g*.txt', 'a_b_c_d_e_f_g_.txt'],
    ['tab\there\u0000.png', 'tabhere.png'],
    ['trailing dots. . .', 'trailing dots'],
    ['CON.txt', '_CON.txt'],
    ['nul', '_nul'],
  ])('%s → %s', (raw, kept) => {
    expect(safeFileName(raw)).toBe(kept);
  });

  it.each(['', '   ', '.', '..', 'folder/', 'C:\\'])('refuses %j', (raw) => {
    expect(safeFileName(raw)).toBeNull();
  });

  it('caps a long name and keeps its extension', () => {
    const name = safeFileName(`${'很长的名字'.repeat(40)}.pdf`)!;
    expect(name).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('attachmentMime', () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  it('believes the content for images and PDFs, whatever the name says', () => {
    expect(attachmentMime('photo.dat', jpeg)).toBe('image/jpeg');
    expect(attachmentMime('notice', new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
  });
  it('never calls something an image or PDF on its name alone', () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    expect(attachmentMime('fake.png', html)).toBe('application/octet-stream');
    expect(attachmentMime('fake.pdf', html)).toBe('application/octet-stream');
    expect(attachmentMime('page.html', html)).toBe('application/octet-stream');
    expect(attachmentMime('vector.svg', html)).toBe('application/octet-stream');
  });
  it('takes office and text types from the extension', () => {
    expect(attachmentMime('课件.PPTX', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(attachmentMime('readme.txt', new TextEncoder().encode('hello'))).toBe('text/plain');
  });
  it('shows only safe types inline', () => {
    expect(isViewableMime('application/pdf')).toBe(true);
    expect(isViewableMime('application/octet-stream')).toBe(false);
    expect(isImageMime('image/png')).toBe(true);
    expect(isImageMime('image/tiff')).toBe(false);
  });
});

describe('defaultAttachmentKind', () => {
  it.each([
    ['IMG_2025.jpg', 'image/jpeg', 'photo'],
    ['签到表扫描.png', 'image/png', 'signInSheet'],
    ['签到表.pdf', 'application/pdf', 'signInSheet'],
    ['关于召开党员大会的通知.docx', '', 'notice'],
    ['党课.pptx', '', 'slides'],
    ['党课讲稿.docx', '', 'slides'],
    ['会议纪要.docx', '', 'other'],
  ] as const)('%s → %s', (name, mime, kind) => {
    expect(defaultAttachmentKind(name, mime)).toBe(kind);
  });
});

it('formats sizes as a secretary reads them', () => {
  expect([formatFileSize(12), formatFileSize(820 * 1024), formatFileSize(1.5 * 1024 * 1024), formatFileSize(25 * 1024 * 1024)]).toEqual(['12 字节', '820 KB', '1.5 MB', '25 MB']);
});
