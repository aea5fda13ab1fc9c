import { defineChecks, type CheckContext, type HttpResponse } from '../../../src/checks/define.ts';
import { describe, send, uniqueName } from '../../_support/checks.ts';

/** Valid HTML that runs script when parsed as markup: the payloads a real attacker sends. */
const IMG = '<img src=x onerror=alert(1)>';
const SVG = '<svg onload=alert(2)>';
const SCRIPT = '<script>alert(3)</script>';
const DOUBLE_QUOTED = '" autofocus onfocus="alert(4)';
const SINGLE_QUOTED = "' autofocus onfocus='alert(5)";

/** Every way HTML may spell a character that must be escaped: a named or a numeric reference. */
const REFERENCES: Record<string, string> = {
  '&': '(?:&amp;|&#0*38;|&#x0*26;)',
  '<': '(?:&lt;|&#0*60;|&#x0*3c;)',
  '>': '(?:&gt;|&#0*62;|&#x0*3e;)',
  '"': '(?:&quot;|&#0*34;|&#x0*22;)',
  "'": '(?:&#0*39;|&#x0*27;|&apos;)',
};

/** A pattern matching `text` as it must appear once escaped (any spelling of the references). */
function escaped(text: string): RegExp {
  const source = [...text].map((c) => REFERENCES[c] ?? c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(source, 'i');
}

/**
 * The attribute names of every <input> tag, read the way a browser tokenises them (quoted
 * values may hold spaces and >). An escaped quote stays inside the value; a raw one ends it,
 * and what follows becomes attributes of its own.
 */
function inputAttributes(html: string): string[][] {
  const tags: string[][] = [];
  const start = /<input\b/gi;
  const attribute = /\s*([^\s"'>\/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?|\s*\/?>/y;
  for (let open = start.exec(html); open; open = start.exec(html)) {
    const names: string[] = [];
    attribute.lastIndex = start.lastIndex;
    for (let match = attribute.exec(html); match && match[1] !== undefined; match = attribute.exec(html)) names.push(match[1].toLowerCase());
    tags.push(names);
  }
  return tags;
}

async function sign(t: CheckContext, name: string, text: string): Promise<void> {
  const res = await send(t, { method: 'POST', path: '/messages', form: { name, text } });
  t.expectTrue(res.status === 303 || res.status === 302 || res.status === 200, 'POST /messages must accept a name and a message (303 back to the guestbook).', { actual: describe(res) });
}

const page = (t: CheckContext, path: string): Promise<HttpResponse> => send(t, { path });

export default defineChecks({
  checks: [
    {
      id: 'shows-messages',
      title: 'The guestbook shows a new message',
      run: async (t) => {
        const text = `Hello from ${uniqueName('checks')}`;
        await sign(t, 'Grace', text);
        const res = await page(t, '/');
        t.expectTrue(res.status === 200 && res.text.includes(text) && res.text.includes('Grace'), 'GET / must list every message with its name. Keep the messages list working while you escape it.', { actual: describe(res) });
      },
    },
    {
      id: 'stored-text-escaped',
      title: `A message and a name containing ${IMG} and ${SVG} are shown as text, not run`,
      hint: 'Wrap m.name and m.text in escapeHtml(…) where the list is built. escapeHtml must replace & first, then < > " \'.',
      run: async (t) => {
        await sign(t, SVG, IMG);
        const res = await page(t, '/');
        t.expectTrue(!res.text.includes(IMG) && !res.text.includes(SVG), 'The guestbook sends a visitor\'s message as HTML: an <img onerror> or <svg onload> runs its script in every reader\'s browser (stored XSS), with their cookies and their session. Escape the name and the text with escapeHtml where the list is built.', {
          expected: `&lt;img src=x onerror=alert(1)&gt; and &lt;svg onload=alert(2)&gt;`,
          actual: res.text.slice(0, 1500),
        });
        t.expectTrue(escaped(IMG).test(res.text) && escaped(SVG).test(res.text), 'The message must still be shown, as the text the visitor typed: escape it once (a double-escaped &amp;lt; shows up as "&lt;" on the page — replace & first, then the rest).', {
          expected: '&lt;img src=x onerror=alert(1)&gt;',
          actual: res.text.slice(0, 1500),
        });
      },
    },
    {
      id: 'reflected-escaped',
      title: `GET /search?q=${SCRIPT} shows the query as text`,
      hint: 'The query is user input too: escapeHtml(q) in "Results for …".',
      run: async (t) => {
        const res = await page(t, `/search?q=${encodeURIComponent(SCRIPT)}`);
        t.expectTrue(res.status === 200 && !res.text.includes(SCRIPT) && escaped(SCRIPT).test(res.text), 'The search page pastes the query into the HTML: a link to /search?q=<script>… runs the attacker\'s script for whoever clicks it (reflected XSS). Escape q with escapeHtml wherever it is shown.', {
          expected: '&lt;script&gt;alert(3)&lt;/script&gt;',
          actual: describe(res),
        });
      },
    },
    {
      id: 'attribute-escaped',
      title: 'A query cannot break out of the value="…" attribute with a quote',
      hint: 'Inside an attribute the quote ends the value: escapeHtml must turn " into &quot; and \' into &#39;, and the value attribute must use it too.',
      run: async (t) => {
        for (const payload of [DOUBLE_QUOTED, SINGLE_QUOTED]) {
          const res = await page(t, `/search?q=${encodeURIComponent(payload)}`);
          const injected = inputAttributes(res.text).find((names) => names.includes('onfocus'));
          t.expectTrue(res.status === 200 && injected === undefined, `The query ${payload} breaks out of the search box's value attribute: its quote ends the value, and autofocus onfocus=… becomes an attribute that runs script — no < or > needed. Escape quotes in escapeHtml (" → &quot;, ' → &#39;) and use it in the value attribute too.`, {
            expected: 'one value attribute holding the whole query: value="&quot; autofocus onfocus=&quot;alert(4)"',
            actual: injected ? `<input ${injected.join(' ')}>` : describe(res),
          });
        }
      },
    },
    {
      id: 'ampersand-escaped',
      title: 'An & in a message is shown as typed',
      hint: 'Replace & with &amp; — first, before the replacements that produce &.',
      run: async (t) => {
        const text = `Tom & Jerry &lt;3 ${uniqueName('amp')}`;
        await sign(t, 'Linus', text);
        const res = await page(t, '/');
        t.expectTrue(escaped(text).test(res.text), 'A visitor who typed "Tom & Jerry &lt;3" sees "Tom & Jerry <3": the browser reads &lt; as a reference. Escape & as &amp; (before the others), so the page shows exactly what was typed.', {
          expected: 'Tom &amp; Jerry &amp;lt;3 …',
          actual: res.text.slice(0, 1500),
        });
      },
    },
  ],
});
