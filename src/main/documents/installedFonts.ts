import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WINDOWS_FONT_FILES } from '../../shared/domain/fonts';

// Which font families this PC has, for the desktop's font fallback (DOMAIN §8). Windows: the file
// names in the system and per-user Fonts folders; elsewhere: fontconfig's family names. Unknown
// (no folder, no fc-list) is null, and documents then keep the preferred names.

function windowsFonts(env: NodeJS.ProcessEnv): Set<string> | null {
  const folders = [env.WINDIR && join(env.WINDIR, 'Fonts'), env.LOCALAPPDATA && join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')].filter(
    (folder): folder is string => Boolean(folder),
  );
  const families = new Set<string>();
  let readAny = false;
  for (const folder of folders) {
    try {
      for (const file of readdirSync(folder)) {
        const family = WINDOWS_FONT_FILES[file.toLowerCase()];
        if (family) families.add(family);
      }
      readAny = true;
    } catch {
      // A missing per-user folder is normal.
    }
  }
  return readAny ? families : null;
}

/** fc-list prints one face per line: “FangSong,仿宋:style=Regular” without the style when asked for families only. */
export function parseFcList(output: string): Set<string> {
  return new Set(
    output
      .split('\n')
      .flatMap((line) => line.split(':')[0].split(','))
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

function fontconfigFonts(): Set<string> | null {
  try {
    return parseFcList(execFileSync('fc-list', [':', 'family'], { encoding: 'utf8', timeout: 10_000 }));
  } catch {
    return null;
  }
}

export function detectInstalledFonts(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): Set<string> | null {
  return platform === 'win32' ? windowsFonts(env) : fontconfigFonts();
}
