import type { WebPreferences } from 'electron';

// The desktop window's security decisions as plain data and pure functions (no runtime import of
// electron), so tests can check them where Electron cannot run. security.ts and window.ts only wire
// these into Electron.

export const APP_ORIGIN = 'app://bundle';

/** Renderer isolation: the page is an untrusted web page that may only call the preload's bridge. */
export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export interface PageContext {
  /** ELECTRON_RENDERER_URL while developing (electron-vite dev server). */
  devServer?: string;
  /** app.isPackaged: a packaged app never trusts a dev server. */
  packaged: boolean;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // URL gives "null" as the origin of non-special schemes such as app://; rebuild it.
    return parsed.protocol === 'app:' ? `app://${parsed.host}` : parsed.origin;
  } catch {
    return null;
  }
}

/** True for pages of our own bundle (or the dev server while developing): same origin, not a prefix. */
export function isOwnPage(url: string | undefined, context: PageContext): boolean {
  if (!url) return false;
  const origin = originOf(url);
  if (origin === null) return false;
  if (origin === APP_ORIGIN) return true;
  if (context.packaged || !context.devServer) return false;
  return origin === originOf(context.devServer);
}

/** will-navigate: the window never leaves our own pages (a link or script cannot take it elsewhere). */
export function navigationAllowed(url: string, context: PageContext): boolean {
  return isOwnPage(url, context);
}

/**
 * window.open / target=_blank: never a new Electron window. Public https pages (e.g. a policy text)
 * may open in the system browser; nothing else (file:, javascript:, http:, custom schemes) is opened.
 */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: string | null } {
  let external: string | null = null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '') external = parsed.href;
  } catch {
    external = null;
  }
  return { action: 'deny', openExternally: external };
}

/** Camera, microphone, notifications, geolocation, clipboard, USB…: the app needs none. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}
