// Files attached to a meeting record: what kinds there are, which names are safe to keep, and what
// a file is (from its first bytes where that can be told, else from its extension).

export const ATTACHMENT_KINDS = ['signInSheet', 'notice', 'slides', 'photo', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  signInSheet: '签到表扫描件',
  notice: '会议通知',
  slides: '讲稿/课件',
  photo: '照片',
  other: '其他',
};

/**
 * Largest file accepted. Files travel base64-encoded inside JSON (4/3 larger), and browser mode
 * caps a request body (MAX_BODY_BYTES in rpc/http.ts, sized from this): 20 MB fits a phone photo,
 * a scanned sign-in sheet or a slide deck, and still crosses every transport in one piece.
 */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;
export const MAX_FILE_NAME_LENGTH = 120;

/** 1.5 MB, 820 KB, 12 字节 — how a secretary reads a file size. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * The name kept for a picked file: folders stripped (a browser or a script may send a whole path),
 * control characters dropped, characters no file system accepts replaced, length capped with the
 * extension kept. Null when nothing usable is left (e.g. "..", "   ", "C:\\").
 */
export function safeFileName(raw: string): string | null {
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(/\p{Cc}/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (name === '' || /^\.+$/.test(name)) return null;
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
  }
  return name;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  wps: 'application/vnd.ms-works',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  et: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  dps: 'application/vnd.ms-powerpoint',
  txt: 'text/plain',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
};

/** What the first bytes say; only these types are shown inline (an .html renamed .png is not). */
function sniff(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  if (starts(0x42, 0x4d) && bytes.length > 26) return 'image/bmp';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

/** Images and PDFs recognised by their content; text by its extension. */
const VIEWABLE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'application/pdf', 'text/plain']);
const THUMBNAILED = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp']);

/**
 * The stored type: the content decides for images and PDFs; otherwise the extension suggests one,
 * never an image or PDF type (so nothing unrecognised is ever rendered as one). Unknown: octet-stream.
 */
export function attachmentMime(fileName: string, bytes: Uint8Array): string {
  const sniffed = sniff(bytes);
  if (sniffed) return sniffed;
  const byName = MIME_BY_EXTENSION[extensionOf(fileName)];
  if (byName && !VIEWABLE.has(byName)) return byName;
  if (byName === 'text/plain') return byName;
  return 'application/octet-stream';
}

/** Safe to open inside the app or a browser tab (the rest is saved/opened with its program). */
export const isViewableMime = (mime: string): boolean => VIEWABLE.has(mime);
/** Shown as a picture in the list. */
export const isImageMime = (mime: string): boolean => THUMBNAILED.has(mime);

/** The kind proposed for a picked file: pictures are 照片, presentations 讲稿/课件, the rest 其他. */
export function defaultAttachmentKind(fileName: string, mime = ''): AttachmentKind {
  const extension = extensionOf(fileName);
  if (mime.startsWith('image/') || ['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp', 'heic', 'tif', 'tiff'].includes(extension)) {
    return /签到|sign/i.test(fileName) ? 'signInSheet' : 'photo';
  }
  if (/签到/.test(fileName)) return 'signInSheet';
  if (/通知/.test(fileName)) return 'notice';
  if (['ppt', 'pptx', 'dps'].includes(extension) || /讲稿|课件|讲义/.test(fileName)) return 'slides';
  return 'other';
}
