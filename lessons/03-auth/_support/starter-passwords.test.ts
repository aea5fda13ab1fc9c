/**
 * The `passwords.js` four auth lessons hand the learner (sessions, jwt, authorization,
 * rate-limit): one file, copied into each starter because a lesson is a plain folder. The
 * copies must not drift apart, and what their "In production" boxes say of it must hold:
 * OWASP's cost unless SCRYPT_LOG_N lowers it, the lowered cost recorded in the hash, and a
 * lowered cost refused under NODE_ENV=production.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const LESSONS = ['02-sessions', '03-jwt', '04-authorization', '05-rate-limit'];
const starterFile = (lesson: string): string => fileURLToPath(new URL(`../${lesson}/starter/passwords.js`, import.meta.url));
const first = starterFile(LESSONS[0]!);

/** Imports passwords.js in a fresh Node with `env`, hashes a password and verifies it; prints the stored text. */
async function hashWith(env: Record<string, string>): Promise<{ stored: string; verified: boolean } | { error: string }> {
  const script = `const p = await import(${JSON.stringify(new URL(`file://${first}`).href)}); const stored = await p.hashPassword('pw'); console.log(JSON.stringify({ stored, verified: await p.verifyPassword('pw', stored) }));`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('NODE_ENV' in env)) delete childEnv.NODE_ENV;
  if (!('SCRYPT_LOG_N' in env)) delete childEnv.SCRYPT_LOG_N;
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], { env: childEnv });
    return JSON.parse(stdout) as { stored: string; verified: boolean };
  } catch (error) {
    return { error: String((error as { stderr?: string }).stderr ?? error) };
  }
}

describe("the auth lessons' starter passwords.js", () => {
  it('is the same file in every lesson that hands it out', () => {
    const text = readFileSync(first, 'utf8');
    for (const lesson of LESSONS.slice(1)) expect(readFileSync(starterFile(lesson), 'utf8'), lesson).toBe(text);
  });

  it("hashes at OWASP's cost by default and records it", async () => {
    expect(await hashWith({})).toMatchObject({ stored: expect.stringMatching(/^scrypt\$131072\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{128}$/), verified: true });
  }, 30_000);

  it('hashes at the cost SCRYPT_LOG_N asks for, recorded in the hash, outside production', async () => {
    expect(await hashWith({ SCRYPT_LOG_N: '12' })).toMatchObject({ stored: expect.stringMatching(/^scrypt\$4096\$8\$1\$/), verified: true });
  });

  it('refuses a lowered cost under NODE_ENV=production, and a value that is not a sensible exponent', async () => {
    expect(await hashWith({ SCRYPT_LOG_N: '12', NODE_ENV: 'production' })).toMatchObject({ error: expect.stringContaining('SCRYPT_LOG_N below 17 is for tests only') });
    expect(await hashWith({ SCRYPT_LOG_N: '12abc' })).toMatchObject({ error: expect.stringContaining('SCRYPT_LOG_N must be a whole number from 10 to 20') });
    expect(await hashWith({ SCRYPT_LOG_N: '17', NODE_ENV: 'production' })).toMatchObject({ verified: true });
  }, 30_000);
});
