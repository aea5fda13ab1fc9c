import { defineChecks, type CheckContext, type HttpResponse } from '../../../src/checks/define.ts';
import { describe, send } from '../../_support/checks.ts';

/** Referrer policies that never send a full URL to another origin. */
const SAFE_REFERRER_POLICIES = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];

/** A Content-Security-Policy as directive → sources (lower-case names; the first of a repeated directive counts, as in browsers). */
function parsePolicy(header: string | undefined): Map<string, string[]> {
  const policy = new Map<string, string[]>();
  for (const directive of (header ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources that govern scripts: script-src, or default-src when there is none. */
const scriptSources = (policy: Map<string, string[]>): string[] | undefined => policy.get('script-src') ?? policy.get('default-src');

/** Why these script sources let an injected script run, or undefined when they do not. */
function scriptLoophole(sources: string[] | undefined): string | undefined {
  if (sources === undefined) return 'there is no script-src (nor default-src): scripts from anywhere run';
  const lower = sources.map((s) => s.toLowerCase());
  const pinned = lower.some((s) => s.startsWith("'nonce-") || s.startsWith("'sha"));
  // With a nonce or hash, browsers ignore 'unsafe-inline' (it is only a fallback for very old ones).
  if (lower.includes("'unsafe-inline'") && !pinned) return "'unsafe-inline' lets every inline <script> and onerror=… run — exactly what an XSS injects";
  if (lower.includes("'unsafe-eval'")) return "'unsafe-eval' lets strings become code (eval, new Function)";
  const open = lower.find((s) => s === '*' || s === 'data:' || s === 'http:' || (s === 'https:' && !lower.includes("'strict-dynamic'")));
  if (open) return `${open} lets scripts load from (almost) anywhere, an attacker's server included`;
  return undefined;
}

const page = (t: CheckContext, path: string): Promise<HttpResponse> => send(t, { path });

/** The <script> tags of a page: their src (if any), nonce (if any) and whether they have inline code. */
function scripts(html: string): { src?: string; nonce?: string; inline: boolean }[] {
  const found: { src?: string; nonce?: string; inline: boolean }[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? '';
    const value = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes)?.slice(1).find((v) => v !== undefined);
    found.push({ src: value('src'), nonce: value('nonce'), inline: (match[2] ?? '').trim() !== '' });
  }
  return found;
}

export default defineChecks({
  checks: [
    {
      id: 'csp-script-src',
      title: "The Content-Security-Policy lets only the site's own scripts run",
      hint: "Content-Security-Policy: default-src 'self'; script-src 'self'; … — no 'unsafe-inline', no 'unsafe-eval', no *.",
      run: async (t) => {
        const res = await page(t, '/');
        const header = res.headers['content-security-policy'];
        t.expectTrue(header !== undefined, 'GET / has no Content-Security-Policy header. Set one in a middleware before every route: res.set("Content-Security-Policy", "default-src \'self\'; script-src \'self\'; …").', { actual: describe(res) });
        const loophole = scriptLoophole(scriptSources(parsePolicy(header)));
        t.expectTrue(loophole === undefined, `The policy does not stop an injected script: ${loophole}. Allow scripts only from the site itself: script-src 'self' (and move inline code to a file).`, {
          expected: "script-src 'self'",
          actual: `Content-Security-Policy: ${header}`,
        });
      },
    },
    {
      id: 'csp-frame-ancestors',
      title: "The policy forbids other sites to frame the pages: frame-ancestors 'none' (or 'self')",
      hint: "Add frame-ancestors 'none' to the policy. It does not fall back to default-src: it must be written out.",
      run: async (t) => {
        const res = await page(t, '/');
        const header = res.headers['content-security-policy'];
        const ancestors = parsePolicy(header).get('frame-ancestors')?.map((s) => s.toLowerCase());
        const closed = ancestors !== undefined && ancestors.length === 1 && (ancestors[0] === "'none'" || ancestors[0] === "'self'");
        t.expectTrue(closed, "Any site can load these pages in an invisible frame and trick users into clicking (clickjacking). Add frame-ancestors 'none' (or 'self') to the Content-Security-Policy — it is not covered by default-src.", {
          expected: "frame-ancestors 'none'",
          actual: `Content-Security-Policy: ${header ?? '(none)'}`,
        });
      },
    },
    {
      id: 'page-works-under-csp',
      title: 'The pages still work under their own policy: no inline script it would block, scripts served as JavaScript',
      hint: 'Move the inline <script> into public/app.js and load it with <script src="/app.js"></script>.',
      run: async (t) => {
        const res = await page(t, '/');
        const sources = scriptSources(parsePolicy(res.headers['content-security-policy'])) ?? [];
        for (const script of scripts(res.text)) {
          const nonceAllowed = script.nonce !== undefined && sources.includes(`'nonce-${script.nonce}'`);
          t.expectTrue(!script.inline || nonceAllowed, 'GET / still has an inline <script>: the policy blocks it, so the footer\'s year never appears. Move the code to public/app.js and load it with <script src="/app.js"></script> (or give it a nonce the policy lists).', {
            actual: res.text.slice(0, 1500),
          });
          if (script.src === undefined) continue;
          t.expectTrue(script.src.startsWith('/') && !script.src.startsWith('//'), `The page loads a script from ${script.src}: with script-src 'self', serve it from this site (a path like /app.js).`);
          const file = await page(t, script.src);
          t.expectTrue(file.status === 200 && /^(text|application)\/javascript\b/i.test(file.headers['content-type'] ?? ''), `${script.src} must answer 200 as JavaScript (Content-Type: text/javascript): with nosniff, browsers refuse to run a script served as anything else.`, {
            actual: `${file.status} Content-Type: ${file.headers['content-type'] ?? '(none)'}`,
          });
        }
        t.expectTrue(scripts(res.text).length > 0, 'GET / no longer loads any script, so the footer\'s year is gone. Keep it, as <script src="/app.js"></script>.');
      },
    },
    {
      id: 'nosniff',
      title: 'X-Content-Type-Options: nosniff',
      hint: "res.set('X-Content-Type-Options', 'nosniff')",
      steps: [
        {
          name: 'GET /',
          request: { path: '/' },
          expect: { headers: { 'x-content-type-options': /^\s*nosniff\s*$/i } },
          message: 'Send X-Content-Type-Options: nosniff: otherwise a browser may guess that an uploaded "text" file is a script or a page and run it.',
        },
      ],
    },
    {
      id: 'referrer-policy',
      title: 'Referrer-Policy never sends full URLs to other sites',
      hint: "res.set('Referrer-Policy', 'strict-origin-when-cross-origin') — or no-referrer, same-origin, strict-origin.",
      run: async (t) => {
        const res = await page(t, '/');
        const policies = (res.headers['referrer-policy'] ?? '').split(',').map((p) => p.trim().toLowerCase()).filter((p) => p !== '');
        // Browsers use the last policy they understand.
        const effective = policies.at(-1);
        t.expectTrue(effective !== undefined && SAFE_REFERRER_POLICIES.includes(effective), 'Links to other sites must not hand them the full URL (paths and query strings can hold tokens and personal data). Send Referrer-Policy: strict-origin-when-cross-origin (or no-referrer, same-origin, strict-origin).', {
          expected: 'Referrer-Policy: strict-origin-when-cross-origin',
          actual: `Referrer-Policy: ${res.headers['referrer-policy'] ?? '(none)'}`,
        });
      },
    },
    {
      id: 'headers-on-every-response',
      title: 'Every response carries the headers: other pages and static files too',
      hint: 'Set the headers in one app.use(...) middleware registered before express.static and the routes.',
      run: async (t) => {
        for (const path of ['/about', '/app.js']) {
          const res = await page(t, path);
          const missing = ['content-security-policy', 'x-content-type-options', 'referrer-policy'].filter((name) => res.headers[name] === undefined);
          t.expectTrue(missing.length === 0, `${path} is missing ${missing.join(', ')}. Headers set in one route protect only that route: set them in a middleware (app.use) registered before express.static and every route.`, {
            actual: `${res.status} ${JSON.stringify(res.headers)}`,
          });
        }
      },
    },
  ],
});
