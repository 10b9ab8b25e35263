import { describe, expect, it } from 'vitest';
import { dataDirFromArgs, defaultDataDir } from '../../src/main/dataDir';

describe('data folder resolution', () => {
  it('prefers --data-dir, in both spellings, over DATA_DIR', () => {
    expect(dataDirFromArgs(['node', 'serve.js', '--data-dir', '/a'], { DATA_DIR: '/b' })).toBe('/a');
    expect(dataDirFromArgs(['node', 'serve.js', '--data-dir=/a'], { DATA_DIR: '/b' })).toBe('/a');
    expect(dataDirFromArgs(['node', 'serve.js'], { DATA_DIR: '/b' })).toBe('/b');
    expect(dataDirFromArgs(['node', 'serve.js'], {})).toBeNull();
  });

  it('ignores a --data-dir without a value', () => {
    expect(dataDirFromArgs(['node', 'serve.js', '--data-dir', '--open'], {})).toBeNull();
  });

  it('uses the per-user folder Electron would use', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('branch-ledger');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe('/home/a/.config/branch-ledger');
  });
});
