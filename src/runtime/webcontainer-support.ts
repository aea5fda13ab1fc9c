/**
 * Can this page run WebContainers, and should it start them on its own? Checked before loading
 * the API, so a browser that cannot gets an honest reason at once instead of a boot timeout.
 */
export interface BrowserEnvironment {
  isBrowser: boolean;
  isSecureContext: boolean;
  crossOriginIsolated: boolean;
  hasSharedArrayBuffer: boolean;
  /** iPhone or iPad (iPadOS reports itself as a Mac with a touch screen). */
  isAppleMobile: boolean;
}

/** TutorialKit's test (packages/runtime/src/webcontainer/on-demand-boot.ts, `isRestricted`). */
function appleMobile(): boolean {
  if (typeof navigator === 'undefined') return false;
  const { userAgent, maxTouchPoints, platform } = navigator;
  return /iPhone/.test(userAgent) || platform === 'iPhone' || platform === 'iPad' || (platform === 'MacIntel' && maxTouchPoints > 1);
}

export function currentEnvironment(): BrowserEnvironment {
  return {
    isBrowser: typeof window !== 'undefined' && typeof document !== 'undefined',
    isSecureContext: globalThis.isSecureContext === true,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    hasSharedArrayBuffer: typeof SharedArrayBuffer === 'function',
    isAppleMobile: appleMobile(),
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

/**
 * Why WebContainers are not started without the learner asking, as a phrase; undefined when
 * they may be. On iPhone and iPad a boot can crash the tab: TutorialKit holds the boot until the
 * user unblocks it, the Svelte tutorial refuses WebContainers there (stackblitz/webcontainer-core
 * issue 1120). We hold it: "Try WebContainers again" or `?runtime=webcontainer` starts it anyway.
 */
export function webContainerHoldReason(environment: BrowserEnvironment): string | undefined {
  return environment.isAppleMobile ? 'they are not started on their own on iPhone and iPad, where they can crash the browser tab' : undefined;
}
