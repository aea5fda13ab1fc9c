/**
 * What happened the last time this browser tried to boot WebContainers on this origin, kept in
 * localStorage (which is per origin) with the time it happened. The runtime chooser reads it so
 * that a machine where StackBlitz is known to be unreachable gets the local runner at once,
 * instead of waiting out the boot deadline on every page load. A failure is trusted for
 * FAILURE_MEMORY_MS, then WebContainers are tried again; a later success (even one that
 * finished after the deadline) replaces it.
 */
export interface BootOutcome {
  booted: boolean;
  /** When it happened (ms since the epoch). */
  at: number;
  /** Why it failed, as the phrase the chooser showed then. */
  reason?: string;
}

/** The part of `localStorage` used here (injectable for tests). */
export type BootMemoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const BOOT_MEMORY_KEY = 'playground:webcontainer-boot';
const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/** The page's localStorage, or undefined where it is missing or refused (private modes, sandboxes). */
export function pageStorage(): BootMemoryStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberBootOutcome(storage: BootMemoryStorage | undefined, outcome: BootOutcome): void {
  try {
    storage?.setItem(BOOT_MEMORY_KEY, JSON.stringify(outcome));
  } catch {
    // A full or refused storage only costs the memory, not the boot.
  }
}

export function forgetBootOutcome(storage: BootMemoryStorage | undefined): void {
  try {
    storage?.removeItem(BOOT_MEMORY_KEY);
  } catch {
    // As above.
  }
}

/** A remembered failure that is still fresh, or undefined. */
export function recentBootFailure(storage: BootMemoryStorage | undefined, now = Date.now()): BootOutcome | undefined {
  let outcome: Partial<BootOutcome>;
  try {
    outcome = JSON.parse(storage?.getItem(BOOT_MEMORY_KEY) ?? 'null') ?? {};
  } catch {
    return undefined;
  }
  if (outcome.booted !== false || typeof outcome.at !== 'number' || now - outcome.at > FAILURE_MEMORY_MS || outcome.at > now) return undefined;
  return { booted: false, at: outcome.at, ...(typeof outcome.reason === 'string' ? { reason: outcome.reason } : {}) };
}

/** "3 minutes ago", "2 hours ago": how long ago a remembered outcome happened. */
export function agoPhrase(at: number, now = Date.now()): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'moments ago';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'} ago`;
}
