/**
 * Can this page run WebContainers at all? Checked before loading the API, so a browser that
 * cannot gets an honest reason at once instead of a boot timeout.
 */
export interface BrowserEnvironment {
  isBrowser: boolean;
  isSecureContext: boolean;
  crossOriginIsolated: boolean;
  hasSharedArrayBuffer: boolean;
}

export function currentEnvironment(): BrowserEnvironment {
  return {
    isBrowser: typeof window !== 'undefined' && typeof document !== 'undefined',
    isSecureContext: globalThis.isSecureContext === true,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    hasSharedArrayBuffer: typeof SharedArrayBuffer === 'function',
  };
}

/** Why WebContainers cannot run here, as a phrase; undefined when they may. */
export function webContainerSupportProblem(environment: BrowserEnvironment): string | undefined {
  if (!environment.isBrowser) return 'this is not a browser page';
  if (!environment.isSecureContext) return 'the page is not served over HTTPS or from localhost';
  if (!environment.crossOriginIsolated) return 'the page is not cross-origin isolated (the COOP/COEP headers are missing)';
  if (!environment.hasSharedArrayBuffer) return 'this browser has no SharedArrayBuffer';
  return undefined;
}
