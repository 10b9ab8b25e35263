import { describe, expect, it, vi } from 'vitest';

// Spy on the comparison without changing it, to prove the hash is compared in constant time.
const compared = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.calls += 1;
      return actual.timingSafeEqual(a, b);
    },
  };
});

const { hashPassword, needsRehash, SALT_BYTES, SCRYPT_PARAMS, verifyPassword } = await import('../../src/main/services/passwordHash');

// Each scrypt call takes 0.2–1 s on a busy 2-CPU machine.
describe('app password hash', { timeout: 30_000 }, () => {
  it('uses scrypt with N = 2^17, r = 8, p = 1, a 32-byte key and a 16-byte random salt, stored with the hash', async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1, keyLength: 32 });
    const stored = await hashPassword('党支部2026');
    expect(stored).toMatchObject({ algorithm: 'scrypt', N: 131072, r: 8, p: 1, keyLength: 32 });
    expect(Buffer.from(stored.salt, 'base64')).toHaveLength(SALT_BYTES);
    expect(Buffer.from(stored.hash, 'base64')).toHaveLength(32);
    expect(JSON.stringify(stored)).not.toContain('党支部2026');
    expect(needsRehash(stored)).toBe(false);
  });

  it('gives the same password a different salt and hash every time', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password'), hashPassword('same-password')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPassword('same-password', a)).toBe(true);
    expect(await verifyPassword('same-password', b)).toBe(true);
  });

  it('accepts only the exact password, compared with timingSafeEqual', async () => {
    const stored = await hashPassword('Secret-123');
    compared.calls = 0;
    expect(await verifyPassword('Secret-123', stored)).toBe(true);
    expect(await verifyPassword('secret-123', stored)).toBe(false);
    expect(await verifyPassword('Secret-123 ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(compared.calls).toBe(4);
  });

  it('is slow on purpose: one check takes a noticeable fraction of a second', async () => {
    const stored = await hashPassword('Secret-123');
    const started = performance.now();
    await verifyPassword('wrong', stored);
    expect(performance.now() - started).toBeGreaterThan(50);
  });

  it('checks a hash made with older, weaker parameters by those parameters and asks to rehash it', async () => {
    const weak = await hashPassword('Secret-123', { N: 1024, r: 8, p: 1, keyLength: 32 });
    expect(weak.N).toBe(1024);
    expect(await verifyPassword('Secret-123', weak)).toBe(true);
    expect(await verifyPassword('Secret-124', weak)).toBe(false);
    expect(needsRehash(weak)).toBe(true);
  });

  it('refuses a tampered hash (shortened, with or without its stated length) even for the right password', async () => {
    const stored = await hashPassword('Secret-123', { N: 1024, r: 8, p: 1, keyLength: 32 });
    const short = Buffer.from(stored.hash, 'base64').subarray(0, 16).toString('base64');
    expect(await verifyPassword('Secret-123', { ...stored, hash: short })).toBe(false);
    expect(await verifyPassword('Secret-123', { ...stored, hash: short, keyLength: 16 })).toBe(true);
    const tiny = Buffer.from(stored.hash, 'base64').subarray(0, 1).toString('base64');
    expect(await verifyPassword('Secret-124', { ...stored, hash: tiny, keyLength: 1 })).toBe(false);
  });
});
