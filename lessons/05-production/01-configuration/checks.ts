/**
 * Configuration and secrets. Start-up refusals are graded by running `node server.js` on its
 * own with a chosen environment (t.runCommand): that gives the exit code and stderr apart
 * from stdout, which is exactly what a supervisor sees. Running servers are graded over HTTP
 * with per-check `env`.
 */
import { defineChecks, type CheckContext, type CommandResult, type ServerEnv } from '../../../src/checks/define.ts';
import { describe, send } from '../../_support/checks.ts';

/** How long a start-up may take before we conclude the server is running (a busy machine is slow to load Express). */
const START_WAIT_MS = 10_000;
/** A check that starts the server on its own, once or twice. */
const STARTS_TIMEOUT_MS = 2 * START_WAIT_MS + 5_000;

/** A valid secret (32 characters, the smallest length allowed) and one character short of it. */
const SECRET_32 = 'k7Qe2xV9pL4sW8nB3mZ6tR1yH5cJ0aFd';
const SECRET_31 = 'Zr8Lw3Nq6Tx1Vb9Kc4Hm7Pf2Sg5Dj0Y';

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const bytes = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** POST /sign { text } → the signature, failing the check with a clear message if the route misbehaves. */
async function sign(t: CheckContext, text: string): Promise<string> {
  const res = await send(t, { method: 'POST', path: '/sign', json: { text } });
  const signature = (res.json as { signature?: unknown } | undefined)?.signature;
  if (res.status !== 200 || typeof signature !== 'string') {
    return t.fail('POST /sign must answer 200 with { text, signature } (the route is given in the starter: keep it).', { actual: describe(res) });
  }
  return signature;
}

/** `node server.js` on its own, with PORT=0 (any free port) and these variables added to the environment. */
function startAlone(t: CheckContext, env: Record<string, string>): Promise<CommandResult> {
  return t.runCommand('node', ['server.js'], { env: { PORT: '0', ...env }, timeoutMs: START_WAIT_MS });
}

function shown(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${value === '' ? '(empty)' : value}`)
    .join(' ');
}

/**
 * The server must have refused to start: exited by itself, with a code other than 0, naming
 * `variable` on stderr, and without printing `secret` anywhere.
 */
async function expectRefusal(t: CheckContext, env: Record<string, string>, variable: string, secret?: string): Promise<void> {
  const result = await startAlone(t, env);
  const output = `stdout:\n${result.stdout || '(nothing)'}\nstderr:\n${result.stderr || '(nothing)'}`;
  const setting = shown(env);
  if (result.timedOut) {
    t.fail(`With ${setting} your server started and kept running. Validate the settings before app.listen and refuse to start: print the problem with console.error and call process.exit(1).`, { actual: output });
  }
  t.expectTrue(result.code !== 0, `With ${setting} your server stopped with exit code 0, which tells systemd, Docker or Kubernetes "all is well", so nobody is alerted and nothing restarts it. Exit with a non-zero code: process.exit(1).`, {
    expected: 'exit code 1 (any code but 0)',
    actual: `exit code ${result.code}\n${output}`,
  });
  t.expectTrue(new RegExp(`\\b${variable}\\b`).test(result.stderr), `With ${setting} your server stopped, but stderr does not name ${variable}. Print what is wrong and how to fix it with console.error (stderr is where supervisors and log collectors look for errors), naming the variable.`, {
    expected: `stderr mentions ${variable}`,
    actual: output,
  });
  if (secret !== undefined) {
    t.expectTrue(!`${result.stdout}\n${result.stderr}`.includes(secret), `Your error message prints the secret's value. Start-up output ends up in log files that many people read: say what is wrong ("too short") without the value.`, { actual: output });
  }
}

/** Settings every running-server check starts with (a check's `env` is added to the default environment). */
const production = (secret: string): ServerEnv => ({ NODE_ENV: 'production', SESSION_SECRET: secret });

export default defineChecks({
  checks: [
    {
      id: 'starts-with-32-char-secret',
      title: 'In production, a 32-character SESSION_SECRET is accepted and signs the tokens',
      hint: 'Read the secret from env.SESSION_SECRET; 32 characters is long enough (the rule is "at least 32").',
      env: production(SECRET_32),
      timeoutMs: 15_000,
      run: async (t) => {
        const signature = await sign(t, 'hello');
        const expected = await hmacHex(SECRET_32, 'hello');
        t.expectEqual(signature, expected, 'POST /sign must sign with the SESSION_SECRET from the environment (HMAC-SHA256, hex), not with another or a built-in secret.');
      },
    },
    {
      id: 'refuses-production-without-secret',
      title: 'In production without SESSION_SECRET the server refuses to start: a message on stderr, exit code 1',
      hint: 'In server.js: try { config = loadConfig(process.env) } catch (error) { console.error(error.message); process.exit(1); }',
      timeoutMs: STARTS_TIMEOUT_MS,
      run: (t) => expectRefusal(t, { NODE_ENV: 'production' }, 'SESSION_SECRET'),
    },
    {
      id: 'refuses-empty-secret-in-production',
      title: 'In production an empty SESSION_SECRET counts as missing',
      hint: 'SESSION_SECRET= (empty) is what a .env line without a value gives you. `if (!secret)` or `secret === ""` catches it; `secret === undefined` does not.',
      timeoutMs: STARTS_TIMEOUT_MS,
      run: (t) => expectRefusal(t, { NODE_ENV: 'production', SESSION_SECRET: '' }, 'SESSION_SECRET'),
    },
    {
      id: 'refuses-short-secret',
      title: 'A SESSION_SECRET of 31 characters is refused, in production and in development, without printing it',
      hint: 'Check the length whenever the secret is set, whatever NODE_ENV says, and say "too short" without the value.',
      timeoutMs: STARTS_TIMEOUT_MS,
      run: async (t) => {
        await expectRefusal(t, { NODE_ENV: 'production', SESSION_SECRET: SECRET_31 }, 'SESSION_SECRET', SECRET_31);
        await expectRefusal(t, { NODE_ENV: 'development', SESSION_SECRET: SECRET_31 }, 'SESSION_SECRET', SECRET_31);
      },
    },
    {
      id: 'refuses-bad-port',
      title: 'A PORT that is not a whole number up to 65535 is refused, naming PORT',
      hint: "parseInt('0abc') is 0 and Number('') is 0: test the text with /^\\d+$/ first, then the range.",
      timeoutMs: STARTS_TIMEOUT_MS,
      run: async (t) => {
        await expectRefusal(t, { NODE_ENV: 'development', SESSION_SECRET: SECRET_32, PORT: '0abc' }, 'PORT');
        await expectRefusal(t, { NODE_ENV: 'development', SESSION_SECRET: SECRET_32, PORT: '65536' }, 'PORT');
      },
    },
    {
      id: 'development-secret-is-random',
      title: 'In development without SESSION_SECRET the server warns and signs with a new random secret at every start',
      hint: "randomBytes(32).toString('base64url') from node:crypto, and a console.warn naming SESSION_SECRET. Never a constant such as 'keyboard cat'.",
      env: { NODE_ENV: 'development', SESSION_SECRET: null },
      timeoutMs: 20_000,
      run: async (t) => {
        const first = await sign(t, 'hello');
        t.expectTrue(t.serverLines().some((line) => /\bSESSION_SECRET\b/.test(line)), 'Without SESSION_SECRET in development, print a warning that names SESSION_SECRET (console.warn), so a forgotten variable is noticed before it matters.', {
          actual: t.serverOutput() || '(no output)',
        });
        await t.restartServer({ env: { NODE_ENV: 'development', SESSION_SECRET: null } });
        const second = await sign(t, 'hello');
        t.expectTrue(first !== second, 'Two starts without SESSION_SECRET signed "hello" the same way: the fallback secret is a constant in your code, so anyone who reads the code can sign tokens your server trusts. Generate a random secret at start-up instead.', {
          actual: `first start: ${first}\nsecond start: ${second}`,
        });
      },
    },
    {
      id: 'secret-not-printed',
      title: "The server never prints the secret's value",
      hint: 'Log what you need (port, environment), not the whole config object.',
      env: production('bG9uZy1yYW5kb20tc2VjcmV0LW5vYm9keS1zaG91bGQtc2Vl'),
      timeoutMs: 15_000,
      run: async (t) => {
        await sign(t, 'hello');
        t.expectTrue(!t.serverOutput().includes('bG9uZy1yYW5kb20tc2VjcmV0LW5vYm9keS1zaG91bGQtc2Vl'), "Your server printed SESSION_SECRET's value. Output goes to log files many people and tools read: log the port and the environment, never the secret (nor a whole config object holding it).", {
          actual: t.serverOutput(),
        });
      },
    },
  ],
});
