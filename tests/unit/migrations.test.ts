import { describe, expect, it } from 'vitest';
import { MIGRATIONS, parseMigrations } from '../../src/main/store/migrate';

describe('migration files', () => {
  it('are numbered 1..N with descriptive names', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    MIGRATIONS.forEach((migration, index) => {
      expect(migration.version).toBe(index + 1);
      expect(migration.name).toMatch(/^\d{4}_[a-z0-9_]+$/);
    });
  });

  it('refuses a gap in the numbering', () => {
    expect(() => parseMigrations({ './migrations/0001_a.sql': '', './migrations/0003_c.sql': '' })).toThrow(/without gaps/);
  });

  it('refuses an unconventional file name', () => {
    expect(() => parseMigrations({ './migrations/init.sql': '' })).toThrow(/0001_verb_object/);
  });
});
