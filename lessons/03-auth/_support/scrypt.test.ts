/**
 * The checks' scrypt must give node:crypto's bytes exactly, or a correct learner fails (and a
 * wrong one might pass). Small costs keep the test fast; the code path is the same at 2^17.
 */
import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseRecord, recomputes, weakCost } from './password-record.ts';
import { scrypt } from './scrypt.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('scrypt', () => {
  it.each([
    { N: 16, r: 1, p: 1 },
    { N: 1024, r: 8, p: 1 },
    { N: 256, r: 8, p: 2 },
  ])('matches node:crypto for N=$N r=$r p=$p', async ({ N, r, p }) => {
    const salt = bytes('sixteen byte salt');
    const mine = await scrypt(bytes('correct horse battery staple'), salt, { N, r, p }, 64);
    expect(Buffer.from(mine).toString('hex')).toBe(scryptSync('correct horse battery staple', salt, 64, { N, r, p }).toString('hex'));
  });
});

describe('password records', () => {
  const record = (N: number, hash: Buffer, salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex')) =>
    ['scrypt', N, 8, 1, salt.toString('hex'), hash.toString('hex')].join('$');

  it('recomputes a genuine record and refuses a salted SHA-256 wearing the label', async () => {
    const salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const genuine = parseRecord(record(1024, scryptSync('pw', salt, 64, { N: 1024, r: 8, p: 1 })));
    const labelled = parseRecord(record(1024, Buffer.alloc(32, 7)));
    if (typeof genuine === 'string' || typeof labelled === 'string') throw new Error('records must parse');
    expect(await recomputes(genuine, 'pw')).toBe(true);
    expect(await recomputes(genuine, 'pw2')).toBe(false);
    expect(await recomputes(labelled, 'pw')).toBe(false);
  });

  it("judges the recorded cost against OWASP's minimum", () => {
    const parse = (N: number) => {
      const parsed = parseRecord(record(N, Buffer.alloc(64)));
      if (typeof parsed === 'string') throw new Error(parsed);
      return parsed;
    };
    expect(weakCost(parse(2 ** 17))).toBeUndefined();
    expect(weakCost(parse(16384))).toMatch(/2\^17/);
    expect(parseRecord('scrypt$abcd$ef01')).toMatch(/not scrypt\$<N>/);
  });
});
