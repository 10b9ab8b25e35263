import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, isOwnPage, mainWindowWebPreferences, navigationAllowed, permissionAllowed, windowOpenDecision } from '../../src/main/electron/policy';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src/shared/security/csp';

// The Electron runtime cannot run on this machine, so the desktop window's security is checked at
// the configuration level: the pure policy (src/main/electron/policy.ts), and the modules that wire
// it into Electron (window.ts, security.ts, rpc/electron.ts, preload) loaded against a fake
// `electron` module that records what they register.

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    permissionRequest: null as null | ((contents: unknown, permission: string, callback: (allowed: boolean) => void) => void),
    permissionCheck: null as null | ((contents: unknown, permission: string) => boolean),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    opened: [] as string[],
    packaged: true,
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(options: Record<string, unknown>) {
      fake.windows.push({ options, loaded: [] });
    }
    once() {}
    loadURL(url: string) {
      fake.windows[fake.windows.length - 1].loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    app: {
      get isPackaged() {
        return fake.packaged;
      },
      on: (name: string, handler: (...args: unknown[]) => void) => fake.appHandlers.set(name, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof fake.permissionRequest) => (fake.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof fake.permissionCheck) => (fake.permissionCheck = handler),
      },
    },
    shell: { openExternal: (url: string) => (fake.opened.push(url), Promise.resolve()) },
    ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => fake.ipcHandlers.set(channel, handler) },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => (fake.invoked.push(args), Promise.resolve({ ok: true, value: null })),
      on: () => undefined,
      removeListener: () => undefined,
    },
  };
});

const released = { packaged: true };
const developing = { packaged: false, devServer: 'http://localhost:5173' };

describe('policy: window preferences', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    const prefs = mainWindowWebPreferences('/app/out/preload/index.js');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('the main window is created with exactly those preferences and loads app://bundle', async () => {
    const { createMainWindow } = await import('../../src/main/electron/window');
    createMainWindow();
    const window = fake.windows.at(-1)!;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toEqual(mainWindowWebPreferences(prefs.preload as string));
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.js$/);
    if (!process.env.ELECTRON_RENDERER_URL) expect(window.loaded).toEqual([`${APP_ORIGIN}/index.html`]);
  });
});

describe('policy: navigation, new windows, permissions', () => {
  it.each([
    ['https://evil.example/', false],
    ['http://localhost:5173/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>1</script>', false],
    ['app://other/index.html', false],
    ['app://bundle.evil/index.html', false],
    ['not a url', false],
    ['', false],
    [`${APP_ORIGIN}/index.html#/members`, true],
  ])('released app: navigation to %s allowed = %s', (url, allowed) => {
    expect(navigationAllowed(url, released)).toBe(allowed);
  });

  it('trusts the dev server only while developing, by origin (not by prefix)', () => {
    expect(isOwnPage('http://localhost:5173/#/home', developing)).toBe(true);
    expect(isOwnPage('http://localhost:5173.evil.example/', developing)).toBe(false);
    expect(isOwnPage('http://localhost:51730/', developing)).toBe(false);
    expect(isOwnPage('http://localhost:5173@evil.example/', developing)).toBe(false);
    expect(isOwnPage('http://localhost:5173/', { ...developing, packaged: true })).toBe(false);
    expect(isOwnPage(undefined, developing)).toBe(false);
  });

  it('denies every new window; only plain https links go to the system browser', () => {
    for (const url of ['https://www.12371.cn/', 'http://evil.example/', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'ms-msdt:/id', 'smb://host/share', 'https://user:pw@evil.example/', 'about:blank']) {
      const decision = windowOpenDecision(url);
      expect(decision.action, url).toBe('deny');
      expect(decision.openExternally !== null, url).toBe(url === 'https://www.12371.cn/');
    }
  });

  it('grants no permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'usb', 'hid', 'serial', 'unknown']) {
      expect(permissionAllowed(permission), permission).toBe(false);
    }
  });
});

describe('wiring into Electron (fake electron module)', () => {
  beforeEach(() => {
    fake.appHandlers.clear();
    fake.opened.length = 0;
    fake.packaged = true;
  });

  async function hardenedContents() {
    const { hardenSessions } = await import('../../src/main/electron/security');
    hardenSessions();
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (name: string, listener: (event: { preventDefault: () => void }, url?: string) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    fake.appHandlers.get('web-contents-created')!({}, contents);
    const prevented = (name: string, url?: string) => {
      const event = { defaultPrevented: false, preventDefault() {
        this.defaultPrevented = true;
      } };
      listeners.get(name)!(event, url);
      return event.defaultPrevented;
    };
    return { prevented, open: (url: string) => openHandler!({ url }) };
  }

  it('every web contents refuses foreign navigation and redirects, webviews and new windows', async () => {
    const contents = await hardenedContents();
    expect(contents.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.prevented('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(contents.prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.prevented('will-attach-webview')).toBe(true);
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://evil.example/']);
  });

  it('the session answers every permission request and check with no', async () => {
    const { hardenSessions } = await import('../../src/main/electron/security');
    hardenSessions();
    const answers: boolean[] = [];
    fake.permissionRequest!({}, 'media', (allowed) => answers.push(allowed));
    fake.permissionRequest!({}, 'notifications', (allowed) => answers.push(allowed));
    expect(answers).toEqual([false, false]);
    expect(fake.permissionCheck!({}, 'clipboard-read')).toBe(false);
  });

  it('the IPC transport answers only frames of our own page', async () => {
    const { registerIpcTransport } = await import('../../src/main/rpc/electron');
    const { isOwnPage: ownPage } = await import('../../src/main/electron/security');
    const calls: unknown[] = [];
    registerIpcTransport(async (method, input) => (calls.push([method, input]), { ok: true, value: 'answered' }), ownPage);
    const handler = fake.ipcHandlers.get('rpc')!;
    for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'file:///C:/page.html' }, null, undefined, { url: 'app://bundle.evil/x' }]) {
      expect(await handler({ senderFrame }, 'members:list', {}), JSON.stringify(senderFrame)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual([]);
    expect(await handler({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, 'members:list', {})).toEqual({ ok: true, value: 'answered' });
  });
});

describe('preload: the page gets the typed bridge and nothing else', () => {
  it('exposes exactly invoke and onEvent under one name', async () => {
    await import('../../src/preload/index');
    expect([...fake.exposed.keys()]).toEqual(['branchLedger']);
    const bridge = fake.exposed.get('branchLedger') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.onEvent).toBe('function');
    // invoke only ever reaches the one rpc channel, whatever the page passes.
    await (bridge.invoke as (...args: unknown[]) => Promise<unknown>)('members:list', { scope: 'all' }, 'extra');
    expect(fake.invoked.at(-1)).toEqual(['rpc', 'members:list', { scope: 'all' }]);
    const unsubscribe = (bridge.onEvent as (name: string, listener: () => void) => unknown)('progress', () => undefined);
    expect(typeof unsubscribe).toBe('function');
  });

  it('imports nothing at runtime but electron (types only from shared)', () => {
    const source = readFileSync('src/preload/index.ts', 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)].map((match) => ({ typeOnly: !!match[1], from: match[2] }));
    expect(imports.filter((entry) => !entry.typeOnly).map((entry) => entry.from)).toEqual(['electron']);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(source.match(/exposeInMainWorld/g)).toHaveLength(1);
  });
});

describe('content security policy', () => {
  const directives = (policy: string) => new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

  it.each([
    ['header', CONTENT_SECURITY_POLICY],
    ['meta', META_CONTENT_SECURITY_POLICY],
  ])('%s policy: scripts and connections only from our own origin, no eval, no plugins', (_label, policy) => {
    const map = directives(policy);
    expect(policy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic|\*/);
    expect(map.get('default-src')).toEqual(["'self'"]);
    expect(map.get('script-src')).toEqual(["'self'"]);
    expect(map.get('connect-src')).toEqual(["'self'"]);
    expect(map.get('object-src')).toEqual(["'none'"]);
    expect(map.get('base-uri')).toEqual(["'none'"]);
    expect(map.get('form-action')).toEqual(["'none'"]);
    for (const [name, values] of map) {
      expect(values, name).not.toContain('http:');
      expect(values, name).not.toContain('https:');
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
  });

  it('the header also forbids framing the app', () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the built index.html gets the shared policy, not a copy', () => {
    const config = readFileSync('electron.vite.config.ts', 'utf8');
    expect(config).toContain('META_CONTENT_SECURITY_POLICY');
    expect(config).not.toMatch(/default-src/);
  });
});
