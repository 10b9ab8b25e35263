import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * Writes a new file (refusing one that exists) and flushes it to disk before returning, so a crash
 * or power cut right after cannot leave it half-written once it is renamed into place. The one
 * place attachments, backups and database snapshots write their bytes.
 */
export function writeNewFileSynced(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, 'wx');
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
