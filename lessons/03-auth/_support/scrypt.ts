/**
 * scrypt (RFC 7914) in plain TypeScript, for auth checks that must *recompute* a learner's
 * stored password hash: a value labelled `scrypt$…` proves nothing until the checker gets the
 * same bytes from the password, the salt and the recorded cost. Checks may not import
 * node:crypto (their module also runs outside Node), so the two PBKDF2-HMAC-SHA256 steps use
 * Web Crypto and the memory-hard core (ROMix with Salsa20/8) is written out here.
 *
 * The core yields to the event loop now and then: at OWASP's cost (N = 2^17, r = 8) it runs for
 * a second or more, and the check's messages (its heartbeat) must keep flowing meanwhile.
 */

/** How many ROMix iterations run between two yields to the event loop. */
const ITERATIONS_PER_YIELD = 2048;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

async function pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, bytes: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', password as BufferSource, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: 1 }, key, bytes * 8);
  return new Uint8Array(bits);
}

const rotl = (value: number, shift: number): number => (value << shift) | (value >>> (32 - shift));

/** Salsa20/8 core on the 16 words at `b[offset…]`, in place (RFC 7914 section 3). */
function salsa20_8(b: Uint32Array, offset: number, x: Uint32Array): void {
  for (let i = 0; i < 16; i++) x[i] = b[offset + i]!;
  for (let round = 0; round < 8; round += 2) {
    // Column round, then row round (the quarter-rounds spelled out for speed).
    x[4]! ^= rotl((x[0]! + x[12]!) | 0, 7); x[8]! ^= rotl((x[4]! + x[0]!) | 0, 9);
    x[12]! ^= rotl((x[8]! + x[4]!) | 0, 13); x[0]! ^= rotl((x[12]! + x[8]!) | 0, 18);
    x[9]! ^= rotl((x[5]! + x[1]!) | 0, 7); x[13]! ^= rotl((x[9]! + x[5]!) | 0, 9);
    x[1]! ^= rotl((x[13]! + x[9]!) | 0, 13); x[5]! ^= rotl((x[1]! + x[13]!) | 0, 18);
    x[14]! ^= rotl((x[10]! + x[6]!) | 0, 7); x[2]! ^= rotl((x[14]! + x[10]!) | 0, 9);
    x[6]! ^= rotl((x[2]! + x[14]!) | 0, 13); x[10]! ^= rotl((x[6]! + x[2]!) | 0, 18);
    x[3]! ^= rotl((x[15]! + x[11]!) | 0, 7); x[7]! ^= rotl((x[3]! + x[15]!) | 0, 9);
    x[11]! ^= rotl((x[7]! + x[3]!) | 0, 13); x[15]! ^= rotl((x[11]! + x[7]!) | 0, 18);
    x[1]! ^= rotl((x[0]! + x[3]!) | 0, 7); x[2]! ^= rotl((x[1]! + x[0]!) | 0, 9);
    x[3]! ^= rotl((x[2]! + x[1]!) | 0, 13); x[0]! ^= rotl((x[3]! + x[2]!) | 0, 18);
    x[6]! ^= rotl((x[5]! + x[4]!) | 0, 7); x[7]! ^= rotl((x[6]! + x[5]!) | 0, 9);
    x[4]! ^= rotl((x[7]! + x[6]!) | 0, 13); x[5]! ^= rotl((x[4]! + x[7]!) | 0, 18);
    x[11]! ^= rotl((x[10]! + x[9]!) | 0, 7); x[8]! ^= rotl((x[11]! + x[10]!) | 0, 9);
    x[9]! ^= rotl((x[8]! + x[11]!) | 0, 13); x[10]! ^= rotl((x[9]! + x[8]!) | 0, 18);
    x[12]! ^= rotl((x[15]! + x[14]!) | 0, 7); x[13]! ^= rotl((x[12]! + x[15]!) | 0, 9);
    x[14]! ^= rotl((x[13]! + x[12]!) | 0, 13); x[15]! ^= rotl((x[14]! + x[13]!) | 0, 18);
  }
  for (let i = 0; i < 16; i++) b[offset + i] = (b[offset + i]! + x[i]!) | 0;
}

/** BlockMix (RFC 7914 section 4): `input` (2r blocks of 16 words) → `output`, even blocks first. */
function blockMix(input: Uint32Array, output: Uint32Array, r: number, t: Uint32Array, x: Uint32Array): void {
  t.set(input.subarray((2 * r - 1) * 16, 2 * r * 16));
  for (let i = 0; i < 2 * r; i++) {
    for (let k = 0; k < 16; k++) t[k]! ^= input[i * 16 + k]!;
    salsa20_8(t, 0, x);
    const target = ((i & 1) * r + (i >> 1)) * 16;
    output.set(t, target);
  }
}

/** ROMix (RFC 7914 section 5) on one 128·r-byte block, in place. */
async function roMix(block: Uint32Array, N: number, r: number): Promise<void> {
  const words = 32 * r;
  const v = new Uint32Array(words * N);
  const a = block.slice();
  const b = new Uint32Array(words);
  const t = new Uint32Array(16);
  const x = new Uint32Array(16);
  for (let i = 0; i < N; i++) {
    v.set(a, i * words);
    blockMix(a, b, r, t, x);
    a.set(b);
    if (i % ITERATIONS_PER_YIELD === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  for (let i = 0; i < N; i++) {
    // Integerify: the first word of the last 64-byte block, modulo N (a power of two).
    const j = a[(2 * r - 1) * 16]! & (N - 1);
    for (let k = 0; k < words; k++) a[k]! ^= v[j * words + k]!;
    blockMix(a, b, r, t, x);
    a.set(b);
    if (i % ITERATIONS_PER_YIELD === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  block.set(a);
}

/** Little-endian bytes ↔ words, as scrypt reads its blocks. */
function toWords(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return words;
}

function toBytes(words: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i]!, true);
  return bytes;
}

/** scrypt(password, salt, N, r, p) → `keyLength` bytes, the same as node:crypto's scrypt. N must be a power of two above 1. */
export async function scrypt(password: Uint8Array, salt: Uint8Array, params: ScryptParams, keyLength: number): Promise<Uint8Array> {
  const { N, r, p } = params;
  const blockBytes = 128 * r;
  const b = await pbkdf2Sha256(password, salt, p * blockBytes);
  for (let i = 0; i < p; i++) {
    const block = toWords(b.subarray(i * blockBytes, (i + 1) * blockBytes));
    await roMix(block, N, r);
    b.set(toBytes(block), i * blockBytes);
  }
  return pbkdf2Sha256(password, b, keyLength);
}
