import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'branch-ledger';
export const DATABASE_FILE = 'branch-ledger.sqlite3';

/** The per-user folder Electron would use for userData, so all three hosts share one database. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

/** `--data-dir DIR` (or `--data-dir=DIR`) beats DATA_DIR, which beats the per-user default. */
export function dataDirFromArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): string | null {
  const index = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  if (index >= 0) {
    const value = argv[index].includes('=') ? argv[index].slice('--data-dir='.length) : argv[index + 1];
    if (value && !value.startsWith('--')) return value;
  }
  return env.DATA_DIR && env.DATA_DIR.trim() ? env.DATA_DIR : null;
}

export function resolveDataDir(argv: string[], env: NodeJS.ProcessEnv = process.env): string {
  return dataDirFromArgs(argv, env) ?? defaultDataDir(env);
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}
