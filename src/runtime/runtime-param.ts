/**
 * `?runtime=local|webcontainer|none`: forces the page's runtime, with no fallback. Read before
 * the adapters' chunk loads, so the page asks the local runner for a session only when the
 * choice may use it.
 */
export type ForcedRuntime = 'local' | 'webcontainer' | 'none';
const FORCED_RUNTIMES: readonly ForcedRuntime[] = ['local', 'webcontainer', 'none'];
export const RUNTIME_PARAM = 'runtime';

/** Reads `?runtime=` from a query string (`location.search`). An unknown value is reported, not thrown. */
export function parseRuntimeParam(search: string): { forced?: ForcedRuntime; problem?: string } {
  const value = new URLSearchParams(search).get(RUNTIME_PARAM);
  if (value === null || value === '') return {};
  if ((FORCED_RUNTIMES as readonly string[]).includes(value)) return { forced: value as ForcedRuntime };
  return { problem: `?${RUNTIME_PARAM}=${value} is not one of ${FORCED_RUNTIMES.join(', ')}, so the runtime is chosen automatically.` };
}

/** Whether a page with this choice may run on the local runner (automatic choice included). */
export function mayUseLocalRunner(forced: ForcedRuntime | undefined): boolean {
  return forced === undefined || forced === 'local';
}
