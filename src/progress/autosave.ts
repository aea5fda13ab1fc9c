/**
 * Debounced saving that never loses the last edit: changes are written at most `delayMs`
 * after they happen, and whatever is pending is written at once when the page is hidden or
 * closed (pagehide / visibilitychange), which is the last moment a browser lets us run.
 * An asynchronous write started then may not finish before the page goes, so `onHide` also
 * gets the pending values synchronously, to keep somewhere that is written at once.
 */
export class Autosaver<T> {
  private pending = new Map<string, T>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private onHide: ((pending: [string, T][]) => void) | undefined;
  private readonly flushOnHide = () => {
    if (document.visibilityState === 'hidden') this.flushNow();
  };
  private readonly flushNow = () => {
    if (this.pending.size > 0) this.onHide?.([...this.pending]);
    void this.flush();
  };

  constructor(
    private readonly write: (key: string, value: T) => Promise<void>,
    private readonly delayMs = 500,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Starts flushing on pagehide / visibilitychange. Returns a function that stops it. */
  watchPage(target: Window = window, onHide?: (pending: [string, T][]) => void): () => void {
    this.onHide = onHide;
    target.addEventListener('pagehide', this.flushNow);
    target.document.addEventListener('visibilitychange', this.flushOnHide);
    return () => {
      target.removeEventListener('pagehide', this.flushNow);
      target.document.removeEventListener('visibilitychange', this.flushOnHide);
    };
  }

  schedule(key: string, value: T): void {
    this.pending.set(key, value);
    if (this.timer === undefined) this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    await Promise.all(batch.map(([key, value]) => this.write(key, value).catch(this.onError)));
  }
}
