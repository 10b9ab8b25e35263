import { app, dialog, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isAppError } from '../shared/contract/errors';
import { openCore } from './core';
import { resolveDataDir } from './dataDir';
import { registerAppScheme, serveRendererBundle } from './electron/protocol';
import { hardenSessions, isOwnPage } from './electron/security';
import { createMainWindow } from './electron/window';
import { registerIpcTransport } from './rpc/electron';

// Desktop composition root: open store -> migrate -> services -> rpc -> window.

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

/** better-sqlite3 built for Electron's ABI, kept apart from the Node build that tests use. */
function electronNativeBinding(): string | undefined {
  const candidates = [join(process.resourcesPath, 'better_sqlite3.node'), join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')];
  return candidates.find((candidate) => existsSync(candidate));
}

void app.whenReady().then(() => {
  // The same folder browser mode and the CLI use (not Electron's productName-based userData).
  const dataDir = resolveDataDir(process.argv);
  let core;
  try {
    core = openCore({ dataDir, host: 'desktop', nativeBinding: electronNativeBinding(), openPath: (path) => shell.openPath(path) });
  } catch (error) {
    dialog.showErrorBox('支部台账无法打开数据文件', isAppError(error) ? error.message : String(error));
    app.quit();
    return;
  }
  hardenSessions();
  serveRendererBundle(join(__dirname, '../renderer'));
  registerIpcTransport(core.dispatch, isOwnPage);
  const window = createMainWindow();
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    core.close();
    app.quit();
  });
});
