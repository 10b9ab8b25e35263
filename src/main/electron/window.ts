import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN, mainWindowWebPreferences } from './policy';

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    title: '支部台账',
    show: false,
    autoHideMenuBar: true,
    webPreferences: mainWindowWebPreferences(join(__dirname, '../preload/index.js')),
  });
  window.once('ready-to-show', () => window.show());
  const devServer = process.env.ELECTRON_RENDERER_URL;
  void window.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return window;
}
