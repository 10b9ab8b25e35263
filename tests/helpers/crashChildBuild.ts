import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

// The crash test's child must run the real store code in a plain Node process it can SIGKILL.
// Nothing here runs TypeScript directly (no tsx/vite-node; Node 20 cannot strip types), and the
// store needs Vite features (import.meta.glob of the migrations, ?raw, JSON imports). So the child
// entry is bundled once per test run with Vite's own build API (already a dependency): dependencies
// stay external and resolve from the project's node_modules, so the bundle lives inside the project
// (test-results/, ignored by git).

const root = resolve(__dirname, '../..');

export async function buildCrashChild(): Promise<string> {
  const outDir = join(root, 'test-results', 'crash-child');
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      ssr: join(root, 'tests/helpers/crashChild.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: 'crashChild.cjs' } },
    },
  });
  const file = join(outDir, 'crashChild.cjs');
  if (!existsSync(file)) throw new Error(`crash child bundle missing: ${file}`);
  return file;
}
