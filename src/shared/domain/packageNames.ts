// File and folder names in a 迎检资料包: they are opened on Windows PCs (and zipped), so every name
// must be one Windows accepts. Item and record names are made safe; a typed target path is refused.

/** Characters Windows forbids in a file or folder name (plus control characters). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** Keeps paths well under Windows' 260 characters with a long target folder. */
export const MAX_NAME_LENGTH = 80;

/** A name Windows accepts: forbidden characters become “_”, no trailing dots or spaces, not a device name. */
export function safeFileName(name: string, maxLength = MAX_NAME_LENGTH): string {
  let safe = name.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  const extension = /.\.[^. ]{1,5}$/.test(safe) ? safe.slice(safe.lastIndexOf('.')) : '';
  let stem = extension ? safe.slice(0, -extension.length) : safe;
  if ([...stem].length > maxLength) stem = [...stem].slice(0, maxLength).join('');
  stem = stem.replace(/[. ]+$/, '');
  if (!stem) stem = '未命名';
  if (RESERVED.test(stem)) stem = `_${stem}`;
  safe = stem + extension;
  return safe;
}

/** “03” for the third file. */
export const numberPrefix = (position: number) => String(position).padStart(2, '0');

/** 2025年迎检资料包, then 2025年迎检资料包（2）… for the next free name. */
export function packageFolderName(year: number, attempt = 1): string {
  return attempt <= 1 ? `${year}年迎检资料包` : `${year}年迎检资料包（${attempt}）`;
}

/**
 * Why a typed target folder cannot be used on Windows, or null. Checks each part of the path
 * (a drive such as “D:” is allowed at the start); the folder itself may not exist yet.
 */
export function targetPathProblem(path: string): string | null {
  const trimmed = path.trim();
  if (!trimmed) return '请填写保存位置';
  const isAbsolute = trimmed.startsWith('/') || trimmed.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(trimmed);
  if (!isAbsolute) return `保存位置“${trimmed}”应是完整路径，例如 D:\\迎检资料 或 /home/用户/迎检资料`;
  const parts = trimmed.replace(/^[A-Za-z]:/, '').split(/[\\/]+/).filter(Boolean);
  for (const part of parts) {
    const bad = [...new Set(part.match(FORBIDDEN) ?? [])];
    if (bad.length > 0) return `保存位置中的“${part}”含有 Windows 不允许的字符 ${bad.map((ch) => (ch.charCodeAt(0) < 32 ? '控制字符' : ch)).join(' ')}，请改名或换一个文件夹`;
    if (RESERVED.test(part)) return `保存位置中的“${part}”是 Windows 保留的名称，请换一个文件夹`;
    if (/[. ]$/.test(part) && part !== '.' && part !== '..') return `保存位置中的“${part}”以空格或句点结尾，Windows 不允许，请改名`;
  }
  return null;
}
