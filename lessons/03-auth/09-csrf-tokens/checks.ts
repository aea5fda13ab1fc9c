import { defineChecks, type CheckContext, type HttpRequestSpec, type HttpResponse } from '../../../src/checks/define.ts';
import { CheckFailure } from '../../../src/checks/check-failure.ts';
import { body, cookieAttribute, describe, send, setCookieLine, uniqueName } from '../../_support/checks.ts';

const USERNAME = 'ada';
const PASSWORD = 'correct horse battery staple';
/** A log-in runs one scrypt at OWASP's cost: seconds in a busy browser tab. */
const SCRYPT_HEAVY_MS = 60_000;

/**
 * A browser, as far as cookies go: it keeps every cookie the server sets and sends them all
 * with every request — to a form another site made it submit just the same (SameSite aside).
 */
class Browser {
  private readonly cookies = new Map<string, string>();
  private readonly t: CheckContext;

  constructor(t: CheckContext) {
    this.t = t;
  }

  async send(spec: HttpRequestSpec): Promise<HttpResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await send(this.t, { ...spec, headers: { ...spec.headers, ...(cookie ? { cookie } : {}) } });
    for (const line of (res.headers['set-cookie'] ?? '').split('\n')) {
      const pair = line.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return res;
  }
}

/** A logged-in browser and the CSRF token its settings page carries (the "csrf" hidden field). */
interface Visit {
  browser: Browser;
  login: HttpResponse;
  token: string | undefined;
  settings: HttpResponse;
}

/** The value of the hidden field named csrf in a page, or undefined. */
function csrfField(html: string): string | undefined {
  for (const tag of html.match(/<input\b[^>]*>/gi) ?? []) {
    if (!/\bname\s*=\s*["']?csrf["'\s/>]/i.test(tag)) continue;
    return /\bvalue\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag)?.slice(1).find((v) => v !== undefined);
  }
  return undefined;
}

async function logIn(t: CheckContext): Promise<Visit> {
  const browser = new Browser(t);
  const login = await browser.send({ method: 'POST', path: '/login', form: { username: USERNAME, password: PASSWORD } });
  if (login.status >= 400) throw new CheckFailure('this check logs in as ada first, and POST /login must accept her password.', { actual: describe(login), kind: 'setup' });
  const settings = await browser.send({ path: '/settings' });
  return { browser, login, token: csrfField(settings.text), settings };
}

/** A logged-in browser whose settings form carries a token (a setup failure otherwise: form-has-token grades that). */
async function withToken(t: CheckContext): Promise<Visit & { token: string }> {
  const visit = await logIn(t);
  if (visit.token === undefined) throw new CheckFailure('this check needs GET /settings to carry the CSRF token in a hidden field named "csrf".', { actual: describe(visit.settings), kind: 'setup' });
  return { ...visit, token: visit.token };
}

const email = async (browser: Browser): Promise<unknown> => body(await browser.send({ path: '/me' })).email;

const changeEmail = (browser: Browser, form: Record<string, string>) => browser.send({ method: 'POST', path: '/settings/email', form });

/** Posts a forged change and proves it was refused with 403 and changed nothing. */
async function expectRefused(t: CheckContext, browser: Browser, form: Record<string, string>, message: string): Promise<void> {
  const before = await email(browser);
  const res = await changeEmail(browser, form);
  const after = await email(browser);
  t.expectTrue(res.status === 403 && after === before, message, {
    expected: `403, e-mail still ${String(before)}`,
    actual: `${res.status}, e-mail now ${String(after)}`,
  });
}

export default defineChecks({
  checks: [
    {
      id: 'form-has-token',
      title: 'The settings form carries a random CSRF token in a hidden field',
      hint: 'At log-in store csrfToken: randomBytes(32).toString("base64url") in the session; in the form add <input type="hidden" name="csrf" value="…">.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { token, settings } = await logIn(t);
        t.expectTrue(token !== undefined && token.length >= 22, 'GET /settings must put the session\'s CSRF token — at least 128 random bits, e.g. randomBytes(32).toString("base64url") — in a hidden field of the form: <input type="hidden" name="csrf" value="…">.', {
          expected: '<input type="hidden" name="csrf" value="<random token>">',
          actual: describe(settings),
        });
      },
    },
    {
      id: 'post-with-token-works',
      title: 'Posting the form with its token changes the e-mail',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { browser, token } = await withToken(t);
        const address = `${uniqueName('ada')}@example.com`;
        const res = await changeEmail(browser, { email: address, csrf: token });
        const now = await email(browser);
        t.expectTrue(res.status < 400 && now === address, 'POST /settings/email with the token from the form must change the e-mail (303 back to /settings).', {
          expected: `e-mail ${address}`,
          actual: `${describe(res)}\ne-mail now ${String(now)}`,
        });
      },
    },
    {
      id: 'post-without-token-refused',
      title: 'A post without a token — what another site\'s form sends — gets 403 and changes nothing',
      hint: 'Check the token before changing anything, and treat a missing token as a wrong one.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { browser } = await withToken(t);
        await expectRefused(t, browser, { email: 'attacker@evil.example' }, 'A form with no csrf field changed the e-mail: any site the user visits can post this form, and the browser sends the session cookie along. Answer 403 unless the csrf field is the session\'s token — check it before changing anything.');
      },
    },
    {
      id: 'post-with-wrong-token-refused',
      title: 'A post with a wrong token gets 403 (whatever its length) and changes nothing',
      hint: 'timingSafeEqual throws for buffers of different lengths: compare the lengths first and answer 403 when they differ.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { browser, token } = await withToken(t);
        const sameLength = token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
        await expectRefused(t, browser, { email: 'attacker@evil.example', csrf: sameLength }, 'A csrf field that differs from the session\'s token in one character changed the e-mail. Compare the whole token (timingSafeEqual) and answer 403 when it differs.');
        await expectRefused(t, browser, { email: 'attacker@evil.example', csrf: 'guess' }, 'A short wrong csrf field was not answered with 403 (a crash is 500): timingSafeEqual throws for different lengths — compare the lengths first.');
      },
    },
    {
      id: 'token-bound-to-session',
      title: "One session's token does not work in another session",
      hint: 'Make the token per session (stored with it), not one value for the whole server: an attacker can log in too and read their own token.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const attacker = await withToken(t);
        const victim = await withToken(t);
        await expectRefused(t, victim.browser, { email: 'attacker@evil.example', csrf: attacker.token }, "The token from another session (the attacker's own, read from their own settings page) was accepted in the victim's session. Keep a token per session and compare with that one.");
      },
    },
    {
      id: 'session-cookie-samesite',
      title: 'The session cookie is HttpOnly and SameSite=Lax or Strict (defence in depth)',
      hint: "res.cookie('sid', id, { httpOnly: true, sameSite: 'lax', path: '/' })",
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { login } = await logIn(t);
        const line = setCookieLine(login, 'sid') ?? '';
        const sameSite = cookieAttribute(line, 'SameSite')?.toLowerCase();
        t.expectTrue(cookieAttribute(line, 'HttpOnly') !== undefined && (sameSite === 'lax' || sameSite === 'strict'), 'Keep the session cookie HttpOnly and SameSite=Lax: browsers then leave it off POSTs other sites start — a second wall behind the token.', {
          expected: 'sid=…; Path=/; HttpOnly; SameSite=Lax',
          actual: line,
        });
      },
    },
  ],
});
