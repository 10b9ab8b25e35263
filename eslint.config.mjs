import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layering (docs/ARCHITECTURE §2) is enforced here: each zone lists what it must never import.
const forbid = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
});
const rawIpc = { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'ipcMain/ipcRenderer only in src/main/rpc/electron.ts and src/preload.' };
const noElectron = { name: 'electron', message: 'electron may only be imported by main/index.ts, main/electron/, main/rpc/electron.ts and preload (tests and browser mode load the rest).' };
const nodeBuiltins = { regex: '^node:', message: 'shared and renderer code runs anywhere: no Node built-ins.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'reports/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  forbid(['src/shared/**'], [
    nodeBuiltins,
    { regex: '^(electron|react|react-dom|better-sqlite3|docx|exceljs|dayjs|antd)($|/)', message: 'shared imports only shared and zod.' },
    { regex: '(^|/)(main|renderer|preload)/', message: 'shared imports only shared and zod.' },
  ]),
  forbid(['src/renderer/**'], [
    nodeBuiltins,
    { regex: '^(electron|better-sqlite3)$', message: 'the renderer only asks over the contract.' },
    { regex: '(^|/)(main|preload)/', message: 'the renderer only asks over the contract.' },
  ]),
  forbid(['src/main/store/**'], [{ regex: '(^|/)(services|rpc|documents|electron)(/|$)', message: 'the store knows only shared and SQLite.' }], [noElectron]),
  forbid(['src/main/documents/**'], [{ regex: '(^|/)(store|rpc|electron)(/|$)', message: 'documents are built from plain data.' }], [noElectron]),
  forbid(['src/main/services/**'], [{ regex: '(^|/)(rpc|electron)(/|$)', message: 'services do not know their transport.' }], [noElectron]),
  forbid(['src/main/rpc/**'], [{ regex: '(^|/)(store|documents)(/|$)', message: 'rpc delegates to services only.' }], [rawIpc]),
  forbid(['src/main/rpc/electron.ts'], [{ regex: '(^|/)(store|documents)(/|$)', message: 'rpc delegates to services only.' }]),
  forbid(['src/main/electron/**'], [{ regex: '(^|/)(store|services|rpc)(/|$)', message: 'the Electron shell does not touch data.' }], [rawIpc]),
  forbid(['src/main/*.ts', 'tests/**', 'scripts/**'], [], [noElectron]),
  forbid(['src/main/index.ts'], [], [rawIpc]),
);
