import { app, session, shell, type WebContents } from 'electron';
import { isOwnPage as isOwnPageIn, navigationAllowed, permissionAllowed, windowOpenDecision, type PageContext } from './policy';

export { APP_ORIGIN } from './policy';

function pageContext(): PageContext {
  return { devServer: process.env.ELECTRON_RENDERER_URL, packaged: app.isPackaged };
}

/** True for pages of our own bundle (or the dev server while developing). */
export function isOwnPage(url: string | undefined): boolean {
  return isOwnPageIn(url, pageContext());
}

/** No permissions (camera, notifications…), no navigation away, no new windows, no webviews. */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!navigationAllowed(url, pageContext())) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!navigationAllowed(url, pageContext())) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to public pages (e.g. policy texts) open in the system browser, never inside the app.
      const decision = windowOpenDecision(url);
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: decision.action };
    });
  });
}
