/**
 * The one way a panel loads a heavy part lazily (Monaco, xterm.js, the inspectors) — its own
 * chunk, never in the first load — and, once it arrives, mounts it. Whatever arrives after the
 * panel has gone is ignored, and what was mounted is disposed with the panel.
 */
import { useEffect, useState } from 'preact/hooks';

export type LazyModule<M> = { status: 'loading' } | { status: 'ready'; module: M } | { status: 'failed'; error: unknown };

/**
 * Loads `load()` once per mounted panel. `mount`, when given, runs with the module as soon as it
 * arrives and returns the disposer to run when the panel unmounts.
 */
export function useLazyModule<M>(load: () => Promise<M>, mount?: (module: M) => (() => void) | undefined): LazyModule<M> {
  const [state, setState] = useState<LazyModule<M>>({ status: 'loading' });
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let unmounted = false;
    load().then(
      (module) => {
        if (unmounted) return;
        dispose = mount?.(module);
        setState({ status: 'ready', module });
      },
      (error: unknown) => {
        if (!unmounted) setState({ status: 'failed', error });
      },
    );
    return () => {
      unmounted = true;
      dispose?.();
    };
  }, []);
  return state;
}
