/**
 * The learner's server output for the current lesson, as the page shows it: kept as text (so a
 * terminal that loads late, or re-mounts, can replay it) and pushed to whoever listens (the
 * xterm output panel, the stack-frame links under it).
 */
const MAX_CHARS = 200_000;

export class ServerOutputStore {
  private text = '';
  private readonly listeners = new Set<(chunk: string) => void>();

  append(chunk: string): void {
    this.text = (this.text + chunk).slice(-MAX_CHARS);
    for (const listener of this.listeners) listener(chunk);
  }

  clear(): void {
    this.text = '';
    for (const listener of this.listeners) listener('\x1bc');
  }

  /** Calls `listener` with everything so far, then with each new chunk. */
  subscribe(listener: (chunk: string) => void): () => void {
    if (this.text) listener(this.text);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
