import { existsSync } from 'node:fs';

/** Debian's Chromium, or CHROME_PATH. We never download a browser. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((path) => existsSync(path));
}

/**
 * Flags that work on a locked-down, offline machine (see DEVELOPERS.md).
 * `--disable-features=WebUIOmnibox…`: Chromium 156 renders its address-bar popup as a WebUI page
 * in a renderer of its own, built for every new window — and every test and bench run opens a
 * new window. A trace (2026-11-27) showed that renderer busy for 2.4–3.0 s of CPU during each
 * page load on 2 cores, more than our page's own renderer (1.1–1.5 s), competing with the
 * learner's server start. A learner opening a lesson in a tab pays nothing of it per page load,
 * so the browser's own popup is switched off: the numbers are about our page.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];
