import { app, session, shell, type WebContents } from 'electron';

export const APP_ORIGIN = 'app://bundle';

/** True for pages of our own bundle (or the dev server while developing). */
export function isOwnPage(url: string | undefined): boolean {
  if (!url) return false;
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && !!devServer && url.startsWith(devServer);
}

/** No permissions (camera, notifications…), no navigation away, no new windows. */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to public pages (e.g. policy texts) open in the system browser, never inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
