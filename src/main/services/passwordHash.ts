import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// The app password is kept only as a slow salted hash: scrypt (RFC 7914) from node:crypto with a
// random 16-byte salt per password. N = 2^17, r = 8, p = 1 is the OWASP recommendation for scrypt
// (128 MiB and about 0.4 s per guess on an office PC), which makes guessing from a copied hash slow.

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  /** Bytes of derived key. */
  keyLength: number;
}

export const SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1, keyLength: 32 });
export const SALT_BYTES = 16;
const MIN_KEY_LENGTH = 16;

/** What is stored: the parameters travel with the hash, so they can be raised later. */
export interface PasswordHash extends ScryptParams {
  algorithm: 'scrypt';
  salt: string;
  hash: string;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node refuses above maxmem (32 MiB by default).
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return { algorithm: 'scrypt', N: params.N, r: params.r, p: params.p, keyLength: params.keyLength, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** Derives with the stored salt and parameters and compares in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  // A shortened hash would be easier to match by chance: it never verifies.
  if (stored.keyLength < MIN_KEY_LENGTH || expected.length !== stored.keyLength) return false;
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
  return timingSafeEqual(key, expected);
}

/** A stored hash made with weaker parameters than today's is replaced at the next successful unlock. */
export function needsRehash(stored: PasswordHash): boolean {
  return stored.N < SCRYPT_PARAMS.N || stored.r < SCRYPT_PARAMS.r || stored.p < SCRYPT_PARAMS.p || Buffer.from(stored.hash, 'base64').length < SCRYPT_PARAMS.keyLength;
}
