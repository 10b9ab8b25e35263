import { crc32, deflateRawSync } from 'node:zlib';
import type { PackageFs } from './packageFs';

// A small .zip writer: one file at a time straight to disk (a year's attachments never sit in memory
// together), UTF-8 names (flag bit 11, which Windows Explorer, WPS and 7-Zip read), no ZIP64 (a
// package stays far under 4 GB; refused otherwise). Office files and pictures are already
// compressed, so they are stored; the rest is deflated.

const STORED_EXTENSIONS = /\.(docx|xlsx|pptx|zip|jpe?g|png|gif|webp|pdf|mp4|mp3|rar|7z)$/i;
const UTF8_FLAG = 0x0800;
const LIMIT = 0xffffffff;

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

interface CentralEntry {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  method: number;
  offset: number;
}

export interface ZipWriter {
  add(name: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** Closes the file without finishing it (the caller removes it). */
  abort(): Promise<void>;
}

export async function createZipWriter(fs: PackageFs, path: string, modified: Date): Promise<ZipWriter> {
  const handle = await fs.open(path, 'wx');
  const entries: CentralEntry[] = [];
  const stamp = dosDateTime(modified);
  let offset = 0;
  let closed = false;

  async function write(buffer: Buffer): Promise<void> {
    await handle.write(buffer);
    offset += buffer.length;
    if (offset > LIMIT) throw new Error('ZIP_TOO_LARGE');
  }

  return {
    async add(name, bytes) {
      const nameBytes = Buffer.from(name, 'utf8');
      const stored = STORED_EXTENSIONS.test(name);
      const data = stored ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : deflateRawSync(bytes);
      const entry: CentralEntry = { name: nameBytes, crc: crc32(bytes) >>> 0, compressedSize: data.length, size: bytes.byteLength, method: stored ? 0 : 8, offset };
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(UTF8_FLAG, 6);
      header.writeUInt16LE(entry.method, 8);
      header.writeUInt16LE(stamp.time, 10);
      header.writeUInt16LE(stamp.date, 12);
      header.writeUInt32LE(entry.crc, 14);
      header.writeUInt32LE(entry.compressedSize, 18);
      header.writeUInt32LE(entry.size, 22);
      header.writeUInt16LE(nameBytes.length, 26);
      header.writeUInt16LE(0, 28);
      await write(Buffer.concat([header, nameBytes]));
      await write(data);
      entries.push(entry);
    },

    async close() {
      const start = offset;
      for (const entry of entries) {
        const header = Buffer.alloc(46);
        header.writeUInt32LE(0x02014b50, 0);
        header.writeUInt16LE(20, 4);
        header.writeUInt16LE(20, 6);
        header.writeUInt16LE(UTF8_FLAG, 8);
        header.writeUInt16LE(entry.method, 10);
        header.writeUInt16LE(stamp.time, 12);
        header.writeUInt16LE(stamp.date, 14);
        header.writeUInt32LE(entry.crc, 16);
        header.writeUInt32LE(entry.compressedSize, 20);
        header.writeUInt32LE(entry.size, 24);
        header.writeUInt16LE(entry.name.length, 28);
        header.writeUInt32LE(entry.offset, 42);
        await write(Buffer.concat([header, entry.name]));
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(offset - start, 12);
      end.writeUInt32LE(start, 16);
      await write(end);
      closed = true;
      await handle.close();
    },

    async abort() {
      if (closed) return;
      closed = true;
      await handle.close().catch(() => undefined);
    },
  };
}
