/**
 * The response headers that make the page cross-origin isolated.
 *
 * WebContainers need SharedArrayBuffer, which browsers only grant to isolated pages.
 * We use `require-corp` (not `credentialless`) because it is supported by every browser
 * that can run WebContainers; the WebContainer adapter boots with the matching
 * `coep: 'require-corp'` option. Every server and hosting config the repo ships must send
 * exactly these: the dev and preview servers read them from here, and a unit test keeps
 * `public/_headers` (static hosts) in agreement.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // Assets we serve ourselves are same-origin; saying so explicitly keeps them loadable
  // under COEP even when fetched from a worker or an embedded context.
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** The COEP value the WebContainer boot option must mirror. */
export const EMBEDDER_POLICY = ISOLATION_HEADERS['Cross-Origin-Embedder-Policy'];
