import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/contract/errors';

// The handover package (交接包): one file holding a backup folder (manifest, database, attachments),
// encrypted with a password.
//
// Format (all integers big-endian):
//   header, 76 bytes: magic "BLHANDOV" | version 1 | kdf 1 = scrypt | log2 N | r | p | 3 zero bytes |
//     salt (16) | nonce prefix (8) | chunk size (u32) | key check (16) | header digest (16)
//   then chunks: ciphertext length (u32) | ciphertext | GCM tag (16)
// Key: scrypt(password, salt, N, r, p) -> 64 bytes: AES-256-GCM key | HMAC key for the key check.
// Chunk i: AES-256-GCM, IV = nonce prefix | u32 i, AAD = the whole header | u32 i. So the header
// (magic, version, KDF parameters, salt) is authenticated by every chunk, and a chunk moved,
// dropped or repeated fails its tag. The plaintext of a chunk is one record: 1 = entry start (JSON
// name, size, sha256), 2 = data of the current entry, 3 = end (JSON entry count). A file that stops
// before the end record is truncated; bytes after it are refused.
// The key check (HMAC of the header) tells a wrong password apart from a damaged body; the header
// digest (unkeyed SHA-256) tells accidental damage of the header apart from a wrong password.
// Streaming: 1 MiB chunks are read and written one at a time, so memory stays flat whatever the size.

const MAGIC = Buffer.from('BLHANDOV', 'latin1');
const FORMAT_VERSION = 1;
const KDF_SCRYPT = 1;
const HEADER_SIZE = 76;
const TAG_SIZE = 16;
export const CHUNK_SIZE = 1024 * 1024;
/** scrypt cost: N = 2^17, r = 8, p = 1 (128 MiB, about half a second): the OWASP recommendation. */
const DEFAULT_KDF = { logN: 17, r: 8, p: 1 };

const RECORD_START = 1;
const RECORD_DATA = 2;
const RECORD_END = 3;

export const HANDOVER_EXTENSION = '.handover';

/** Names allowed inside a package: nothing can climb out of the staging folder. */
const ENTRY_NAME = /^(manifest\.json|branch-ledger\.sqlite3|attachments\/[0-9a-f]{2}\/[0-9a-f]{64})$/;
const MAX_ENTRY_BYTES = 8 * 1024 * 1024 * 1024;

const NOT_A_PACKAGE = '所选文件不是支部台账交接包（文件开头不对）。请确认选择的是导出的“.handover”文件。';
const TRUNCATED = '交接包不完整（文件被截断，可能没有复制完）。请重新复制或重新导出交接包。没有写入任何数据。';
const TAMPERED = '交接包内容已损坏或被改动（校验未通过）。请向交出方重新索取交接包。没有写入任何数据。';
const WRONG_PASSWORD = '密码不正确，无法打开交接包。请核对密码（区分大小写）后重试。没有写入任何数据。';
const HEADER_DAMAGED = '交接包的文件头已损坏或被改动。请向交出方重新索取交接包。没有写入任何数据。';

function deriveKeys(password: string, salt: Buffer, kdf: { logN: number; r: number; p: number }): { key: Buffer; macKey: Buffer } {
  const N = 2 ** kdf.logN;
  const bytes = scryptSync(password.normalize('NFC'), salt, 64, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 });
  return { key: bytes.subarray(0, 32), macKey: bytes.subarray(32) };
}

const keyCheckOf = (macKey: Buffer, headerStart: Buffer) =>
  createHmac('sha256', macKey).update('branch-ledger handover key check').update(headerStart).digest().subarray(0, 16);

const digestOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest().subarray(0, 16);

const u32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
};

/** Writes a package chunk by chunk to a file descriptor. */
export class HandoverWriter {
  private readonly fd: number;
  private readonly header: Buffer;
  private readonly key: Buffer;
  private readonly noncePrefix: Buffer;
  private index = 0;
  entries = 0;

  constructor(file: string, password: string, kdf = DEFAULT_KDF) {
    const salt = randomBytes(16);
    this.noncePrefix = randomBytes(8);
    const { key, macKey } = deriveKeys(password, salt, kdf);
    this.key = key;
    const header = Buffer.alloc(HEADER_SIZE);
    MAGIC.copy(header, 0);
    header[8] = FORMAT_VERSION;
    header[9] = KDF_SCRYPT;
    header[10] = kdf.logN;
    header[11] = kdf.r;
    header[12] = kdf.p;
    salt.copy(header, 16);
    this.noncePrefix.copy(header, 32);
    header.writeUInt32BE(CHUNK_SIZE, 40);
    keyCheckOf(macKey, header.subarray(0, 44)).copy(header, 44);
    digestOf(header.subarray(0, 60)).copy(header, 60);
    this.header = header;
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, 'wx');
    this.write(header);
  }

  private write(bytes: Buffer): void {
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
  }

  private chunk(kind: number, payload: Buffer): void {
    const iv = Buffer.concat([this.noncePrefix, u32(this.index)]);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.concat([this.header, u32(this.index)]));
    const ciphertext = Buffer.concat([cipher.update(Buffer.from([kind])), cipher.update(payload), cipher.final()]);
    this.write(u32(ciphertext.length));
    this.write(ciphertext);
    this.write(cipher.getAuthTag());
    this.index += 1;
  }

  /** Adds one file, read from disk in chunk-sized pieces. */
  addFile(name: string, file: string, size: number, sha256: string): void {
    if (!ENTRY_NAME.test(name)) throw new Error(`not a package entry name: ${name}`);
    this.chunk(RECORD_START, Buffer.from(JSON.stringify({ name, size, sha256 }), 'utf8'));
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(CHUNK_SIZE - 1);
      let left = size;
      while (left > 0) {
        const read = readSync(fd, buffer, 0, Math.min(buffer.length, left), null);
        if (read === 0) throw new Error(`file shrank while packing: ${name}`);
        this.chunk(RECORD_DATA, buffer.subarray(0, read));
        left -= read;
      }
    } finally {
      closeSync(fd);
    }
    this.entries += 1;
  }

  /** Writes the end record and flushes the file. */
  finish(): void {
    this.chunk(RECORD_END, Buffer.from(JSON.stringify({ entries: this.entries }), 'utf8'));
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
  }
}

/** Bytes of a package, from a file or an upload. */
export interface ByteSource {
  read(length: number): Buffer;
  close(): void;
}

export function bufferSource(bytes: Buffer): ByteSource {
  let offset = 0;
  return {
    read(length) {
      const part = bytes.subarray(offset, offset + length);
      offset += part.length;
      return part;
    },
    close() {},
  };
}

export function fileSource(file: string): ByteSource {
  const fd = openSync(file, 'r');
  return {
    read(length) {
      const buffer = Buffer.alloc(length);
      let got = 0;
      while (got < length) {
        const read = readSync(fd, buffer, got, length - got, null);
        if (read === 0) break;
        got += read;
      }
      return buffer.subarray(0, got);
    },
    close() {
      closeSync(fd);
    },
  };
}

const invalid = (message: string, field = 'source') => new AppError('VALIDATION', message, [{ path: field, label: field === 'password' ? '密码' : '交接包', message }]);

/**
 * Decrypts a package into `stagingDir` (which must be empty and is left to the caller to remove on
 * failure). Every chunk is authenticated before its bytes are written; names are checked against
 * the few a package may hold; each file's SHA-256 is checked when it is complete.
 */
export function readHandover(source: ByteSource, password: string, stagingDir: string): { entries: number } {
  const header = source.read(HEADER_SIZE);
  const magicPart = Math.min(MAGIC.length, header.length);
  if (magicPart === 0 || !header.subarray(0, magicPart).equals(MAGIC.subarray(0, magicPart))) throw invalid(NOT_A_PACKAGE);
  if (header.length < HEADER_SIZE) throw invalid(TRUNCATED);
  if (!timingSafeEqual(digestOf(header.subarray(0, 60)), header.subarray(60, 76))) throw invalid(HEADER_DAMAGED);
  if (header[8] !== FORMAT_VERSION) throw invalid('此交接包由更新版本的支部台账导出，请先升级本软件再导入。没有写入任何数据。');
  const kdf = { logN: header[10], r: header[11], p: header[12] };
  const chunkSize = header.readUInt32BE(40);
  if (header[9] !== KDF_SCRYPT || kdf.logN < 14 || kdf.logN > 20 || kdf.r < 1 || kdf.r > 16 || kdf.p < 1 || kdf.p > 4 || chunkSize < 1024 || chunkSize > 16 * 1024 * 1024) {
    throw invalid(HEADER_DAMAGED);
  }
  const { key, macKey } = deriveKeys(password, header.subarray(16, 32), kdf);
  if (!timingSafeEqual(keyCheckOf(macKey, header.subarray(0, 44)), header.subarray(44, 60))) throw invalid(WRONG_PASSWORD, 'password');
  const noncePrefix = header.subarray(32, 40);

  let index = 0;
  let current: { sha256: string; left: number; fd: number; hash: ReturnType<typeof createHash> } | null = null;
  let entries = 0;
  try {
    for (;;) {
      const lengthBytes = source.read(4);
      if (lengthBytes.length < 4) throw invalid(TRUNCATED);
      const length = lengthBytes.readUInt32BE(0);
      if (length < 1 || length > chunkSize + 1) throw invalid(TAMPERED);
      const ciphertext = source.read(length);
      const tag = source.read(TAG_SIZE);
      if (ciphertext.length < length || tag.length < TAG_SIZE) throw invalid(TRUNCATED);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.concat([noncePrefix, u32(index)]));
      decipher.setAAD(Buffer.concat([header, u32(index)]));
      decipher.setAuthTag(tag);
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
      } catch {
        throw invalid(TAMPERED);
      }
      index += 1;
      const kind = plain[0];
      const payload = plain.subarray(1);
      if (kind === RECORD_START) {
        if (current) throw invalid(TAMPERED);
        let entry: { name?: unknown; size?: unknown; sha256?: unknown };
        try {
          entry = JSON.parse(payload.toString('utf8')) as typeof entry;
        } catch {
          throw invalid(TAMPERED);
        }
        const { name, size, sha256 } = entry;
        if (typeof name !== 'string' || !ENTRY_NAME.test(name) || typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_ENTRY_BYTES || typeof sha256 !== 'string') {
          throw invalid(TAMPERED);
        }
        const target = join(stagingDir, ...name.split('/'));
        mkdirSync(dirname(target), { recursive: true });
        current = { sha256, left: size, fd: openSync(target, 'wx'), hash: createHash('sha256') };
        entries += 1;
      } else if (kind === RECORD_DATA) {
        if (!current || payload.length > current.left) throw invalid(TAMPERED);
        let written = 0;
        while (written < payload.length) written += writeSync(current.fd, payload, written, payload.length - written);
        current.hash.update(payload);
        current.left -= payload.length;
      } else if (kind === RECORD_END) {
        if (current) throw invalid(TAMPERED);
        let end: { entries?: unknown };
        try {
          end = JSON.parse(payload.toString('utf8')) as typeof end;
        } catch {
          throw invalid(TAMPERED);
        }
        if (end.entries !== entries) throw invalid(TAMPERED);
        if (source.read(1).length > 0) throw invalid('交接包末尾有多余的内容（文件被改动）。请向交出方重新索取交接包。没有写入任何数据。');
        break;
      } else {
        throw invalid(TAMPERED);
      }
      if (current && current.left === 0) {
        const done = current;
        current = null;
        closeSync(done.fd);
        if (done.hash.digest('hex') !== done.sha256) throw invalid(TAMPERED);
      }
    }
  } finally {
    if (current) closeSync(current.fd);
  }
  return { entries };
}
