/**
 * The auth track's stored-password format, `scrypt$<N>$<r>$<p>$<salt hex>$<hash hex>`, read
 * and judged by properties: the recorded cost is at least OWASP's minimum, and recomputing
 * scrypt from the password, the salt and that cost gives the stored hash. A fast or reversible
 * value wearing the `scrypt$` label fails the recomputation, whatever it is called.
 */
import { scrypt, type ScryptParams } from './scrypt.ts';

export interface PasswordRecord extends ScryptParams {
  salt: Uint8Array;
  hash: Uint8Array;
}

/** OWASP Password Storage Cheat Sheet: scrypt with N = 2^17, r = 8, p = 1 at least. */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * What the checker can afford to recompute: 128 · N · r bytes of memory (256 MiB) and N · r · p
 * block work. OWASP's minimum needs half of this; a stricter cost up to this bound is graded too.
 */
const MAX_RECOMPUTE_MEMORY = 256 * 1024 * 1024;
const MAX_RECOMPUTE_WORK = 2 ** 17 * 8 * 2;

const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([0-9a-f]+)\$([0-9a-f]+)$/i;

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** The parts of a stored value, or a sentence saying why it is not in the format. */
export function parseRecord(stored: string): PasswordRecord | string {
  const match = FORMAT.exec(stored);
  if (!match) return 'it is not scrypt$<N>$<r>$<p>$<salt hex>$<hash hex>';
  const [, n = '', r = '', p = '', saltHex = '', hashHex = ''] = match;
  if (saltHex.length % 2 !== 0 || hashHex.length % 2 !== 0) return 'its salt or hash is not whole bytes of hex';
  return { N: Number(n), r: Number(r), p: Number(p), salt: hexBytes(saltHex), hash: hexBytes(hashHex) };
}

/** Why the recorded cost is below OWASP's minimum, or `undefined` when it is not. */
export function weakCost(record: ScryptParams): string | undefined {
  const { N, r, p } = record;
  if (N < OWASP_SCRYPT.N || (N & (N - 1)) !== 0) return `N=${N}: use a power of two of at least 2^17 = 131072`;
  if (r < OWASP_SCRYPT.r) return `r=${r}: use at least 8`;
  if (p < OWASP_SCRYPT.p) return `p=${p}: use at least 1`;
  return undefined;
}

/** Whether the record's cost is valid scrypt and the checker can afford to recompute it (see MAX_RECOMPUTE_*). */
export function recomputable(record: ScryptParams): boolean {
  const { N, r, p } = record;
  const valid = N >= 2 && (N & (N - 1)) === 0 && r >= 1 && p >= 1;
  return valid && 128 * N * r <= MAX_RECOMPUTE_MEMORY && N * r * p <= MAX_RECOMPUTE_WORK;
}

/** Whether scrypt(password, salt, N, r, p) gives exactly the stored hash. */
export async function recomputes(record: PasswordRecord, password: string): Promise<boolean> {
  const actual = await scrypt(new TextEncoder().encode(password), record.salt, record, record.hash.length);
  return actual.length === record.hash.length && actual.every((byte, i) => byte === record.hash[i]);
}
