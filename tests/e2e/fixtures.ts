import { test as base, expect } from '@playwright/test';
import { makeDataDir, removeDataDir, seedDemo, ServeProcess } from './server';

export interface AppServer {
  /** http://127.0.0.1:PORT/ of the running browser-mode server (changes on restart). */
  readonly baseUrl: string;
  readonly dataDir: string;
  /**
   * Stops the server with SIGTERM, waits for it to exit, starts it again on the same data folder
   * (new port and token) and reloads the page at the new address, keeping the hash route.
   */
  restart(): Promise<string>;
}

interface Options {
  /** 'empty' starts on a fresh data folder (first-run wizard); 'demo' loads the demo branch first. */
  seed: 'empty' | 'demo';
}

export const test = base.extend<Options & { app: AppServer }>({
  seed: ['empty', { option: true }],

  app: async ({ page, seed }, use, testInfo) => {
    const dataDir = await makeDataDir();
    const server = new ServeProcess(dataDir);
    try {
      if (seed === 'demo') await seedDemo(dataDir);
      await server.start();
      await use({
        get baseUrl() {
          return server.baseUrl;
        },
        dataDir,
        async restart() {
          const hash = page.url().includes('#') ? page.url().slice(page.url().indexOf('#')) : '';
          const code = await server.stop();
          expect(code, 'browser-mode server should exit cleanly on SIGTERM').toBe(0);
          const url = await server.start();
          await page.goto(url + hash);
          return url;
        },
      });
    } finally {
      await server.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('serve.log', { body: server.log.join(''), contentType: 'text/plain' });
      }
      await removeDataDir(dataDir);
    }
  },
});

export { expect };
