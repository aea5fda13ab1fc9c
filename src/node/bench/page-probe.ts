/**
 * A recorder installed in the page before the app's own scripts. It timestamps, with the
 * page's clock (`performance.now()`, 0 = navigation start), every change of what a learner
 * sees — the server status pill, the checks summary, the SQL result area, the moment the
 * lesson text appears — and every click and key press. The bench then reads the log and
 * measures "action → visible result" in the page, with no polling delay from Playwright.
 *
 * It is a string, not a function: Playwright would serialize a function's compiled source,
 * and tsx's name-keeping helpers do not exist in the page.
 */
import type { Page } from '@playwright/test';

export const PROBE_SCRIPT = String.raw`(() => {
  if (window.__bench) return;
  const log = [];
  const bench = { log, textFound: false };
  window.__bench = bench;
  const norm = (text) => (text || '').replace(/\s+/g, ' ').trim();
  const textOf = (element) => norm(element.textContent);
  const headingSection = (name) => {
    const heading = [...document.querySelectorAll('h1, h2, h3, h4, [role="heading"]')].find((element) => textOf(element) === name);
    return heading && heading.parentElement ? heading.parentElement : null;
  };
  // What a learner looks at, by role and accessible text (the same things tests look for).
  const watchers = {
    server: () => [...document.querySelectorAll('[role="status"]')].map(textOf).filter((text) => /^server\b/i.test(text)).join(' | '),
    // The header line saying which runtime runs the code: "Starting a runtime…", then why this one.
    runtime: () => [...document.querySelectorAll('header p[title], .runtime-status')].map(textOf).join(' | '),
    checks: () => { const section = headingSection('Checks'); return section ? textOf(section) : ''; },
    // "running" while the Run button is disabled, then the result summary ("12 rows · 3.1 ms").
    sqlRun: () => {
      const button = [...document.querySelectorAll('button')].find((element) => /^Run \S/.test(textOf(element)));
      if (!button) return '';
      const summary = [...document.querySelectorAll('[role="status"], [role="alert"]')].map(textOf).find((text) => /\brows?\b.*\bms\b|statements? ran|SQL error/i.test(text)) || '';
      return (button.disabled ? 'running' : 'idle') + ' | ' + summary;
    },
  };
  const last = {};
  const lessonTextVisible = () => {
    const expected = window.__benchExpectText;
    if (!expected || bench.textFound) return;
    const root = document.querySelector('main') || document.body;
    if (!root || !norm(root.textContent).includes(expected)) return;
    const holder = [...root.querySelectorAll('p, li, h1, h2, h3')].find((element) => textOf(element).includes(expected));
    if (holder && holder.checkVisibility && !holder.checkVisibility()) return;
    bench.textFound = true;
    log.push({ t: performance.now(), name: 'text', value: expected });
  };
  const sample = () => {
    const t = performance.now();
    lessonTextVisible();
    for (const name of Object.keys(watchers)) {
      let value = '';
      try { value = watchers[name](); } catch (error) { value = 'probe error: ' + error; }
      if (value !== last[name]) { last[name] = value; log.push({ t, name, value }); }
    }
  };
  // Attributes: only "disabled", which buttons toggle while they work (Monaco's own churn is classes and styles).
  new MutationObserver(sample).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['disabled'] });
  addEventListener('keydown', (event) => log.push({ t: event.timeStamp, name: 'key', value: (event.ctrlKey ? 'Control+' : '') + (event.metaKey ? 'Meta+' : '') + event.key }), true);
  addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button, a, [role="button"]') || event.target : null;
    log.push({ t: event.timeStamp, name: 'click', value: target ? norm(target.getAttribute('aria-label') || target.textContent) : '' });
  }, true);
})();`;

export interface ProbeEntry {
  /** ms since the page's navigation start. */
  t: number;
  name: 'server' | 'runtime' | 'checks' | 'sqlRun' | 'text' | 'key' | 'click';
  value: string;
}

declare global {
  interface Window {
    __bench?: { log: ProbeEntry[]; textFound: boolean };
    __benchExpectText?: string;
  }
}

/** Polls the page's log from Node; predicates run in Node on the whole log so far. */
export class ProbeLog {
  readonly entries: ProbeEntry[] = [];

  constructor(private readonly page: Page) {}

  async refresh(): Promise<ProbeEntry[]> {
    const fresh = await this.page.evaluate((from) => window.__bench?.log.slice(from) ?? [], this.entries.length);
    this.entries.push(...fresh);
    return this.entries;
  }

  /** Resolves with the predicate's first non-undefined answer; rejects after `timeoutMs` saying what never happened. */
  async waitFor<T>(what: string, timeoutMs: number, find: (entries: ProbeEntry[]) => T | undefined): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find(await this.refresh());
      if (found !== undefined) return found;
      if (Date.now() > deadline) {
        const tail = this.entries.slice(-6).map((entry) => `${entry.name}="${entry.value.slice(0, 80)}"@${entry.t.toFixed(0)}`).join(', ');
        throw new Error(`${what} did not happen within ${timeoutMs / 1000} s (last things seen: ${tail || 'nothing'})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Expects `text` (lesson prose) to become visible; the probe logs a `text` entry when it does. */
  async expectText(text: string): Promise<void> {
    await this.page.evaluate((expected) => {
      window.__benchExpectText = expected;
      if (window.__bench) window.__bench.textFound = false;
    }, text);
  }
}

/** The click or key press the bench just made: the first such entry from log index `fromIndex` on. */
export function actionAfter(entries: readonly ProbeEntry[], fromIndex: number, name: 'key' | 'click', pattern: RegExp): ProbeEntry | undefined {
  return entries.slice(fromIndex).find((entry) => entry.name === name && pattern.test(entry.value));
}

/** The first entry named `name` after time `after` whose value matches `pattern`. */
export function firstAfter(entries: readonly ProbeEntry[], after: number, name: ProbeEntry['name'], pattern: RegExp): ProbeEntry | undefined {
  return entries.find((entry) => entry.t >= after && entry.name === name && pattern.test(entry.value));
}

/** The time a watched value went from matching `pattern` to something else and back to matching it, after `after`. */
export function leftAndReturned(entries: readonly ProbeEntry[], after: number, name: ProbeEntry['name'], pattern: RegExp): ProbeEntry | undefined {
  const left = entries.find((entry) => entry.t >= after && entry.name === name && !pattern.test(entry.value));
  return left && firstAfter(entries, left.t, name, pattern);
}
