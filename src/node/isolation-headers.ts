/**
 * The response headers every server and hosting config of the app sends.
 *
 * Cross-origin isolation: WebContainers need SharedArrayBuffer, which browsers only grant to
 * isolated pages. We use `require-corp` (not `credentialless`) because it is supported by every
 * browser that can run WebContainers; the WebContainer adapter boots with the matching
 * `coep: 'require-corp'` option.
 *
 * Framing: the app can run code on this machine (the local runner), so no other page may frame
 * it and trick a learner into clicking its buttons (clickjacking). `frame-ancestors 'self'` is
 * the modern rule; `X-Frame-Options` says the same to older browsers.
 *
 * The dev and preview servers read them from here (the runner's middleware sets them on every
 * response), and a unit test keeps `public/_headers` (static hosts) in agreement.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // Assets we serve ourselves are same-origin; saying so explicitly keeps them loadable
  // under COEP even when fetched from a worker or an embedded context.
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const FRAMING_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
} as const;

export const APP_HEADERS = { ...ISOLATION_HEADERS, ...FRAMING_HEADERS } as const;

/** The COEP value the WebContainer boot option must mirror. */
export const EMBEDDER_POLICY = ISOLATION_HEADERS['Cross-Origin-Embedder-Policy'];
