import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, normalize, relative, resolve, sep, win32 } from 'node:path';

// Which file a request for the renderer bundle may get, shared by browser mode (rpc/http.ts) and
// the desktop app:// protocol (electron/protocol.ts): only regular files inside the renderer
// folder, after decoding, normalising and following symlinks.

export type RendererFileLookup =
  | { kind: 'index' }
  | { kind: 'file'; file: string }
  | { kind: 'refused'; status: 400 | 404 };

/** True when `file` is the folder itself or lies inside it (not a sibling such as root + "-old"). */
export function isInside(root: string, file: string): boolean {
  const path = relative(root, file);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/**
 * Maps a URL pathname (still percent-encoded) to a file in the renderer folder. Refuses
 * undecodable paths and NUL bytes (400), and anything that would leave the folder — `..` in any
 * encoding, backslashes, drive letters, symlinks pointing out, directories, missing files (404).
 */
export function lookupRendererFile(rendererDir: string, pathname: string): RendererFileLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (decoded.includes('\0')) return { kind: 'refused', status: 400 };
  // A backslash or a drive letter is a path separator/root on Windows: never part of our URLs.
  if (decoded.includes('\\') || win32.isAbsolute(decoded.replace(/^\/+/, ''))) return { kind: 'refused', status: 404 };
  const path = normalize(decoded).replace(/^\/+/, '');
  if (path === '' || path === 'index.html') return { kind: 'index' };

  const root = resolve(rendererDir);
  const file = resolve(root, path);
  if (!isInside(root, file)) return { kind: 'refused', status: 404 };
  try {
    // Symlinks are followed before the check: a link inside the folder may point anywhere.
    const real = realpathSync(file);
    if (!isInside(realpathSync(root), real) || !statSync(real).isFile()) return { kind: 'refused', status: 404 };
    return { kind: 'file', file: real };
  } catch {
    return { kind: 'refused', status: 404 };
  }
}
