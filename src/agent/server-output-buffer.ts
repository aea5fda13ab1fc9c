/**
 * The learner's server output (stdout and stderr as written), buffered for checks ("output
 * since this check started") and for crash reports ("the last lines"). Bounded: old output is
 * dropped, positions stay absolute. Not the page's output panel log (src/app), which shows it.
 */
const KEEP_CHARS = 64 * 1024;

export class ServerOutputBuffer {
  private text = '';
  /** Absolute position of `text[0]` in everything ever written. */
  private start = 0;
  /** Where the current run of the server began: crash reports quote this run only, never an older crash. */
  private runStart = 0;

  /** Called when the server is started again. */
  beginRun(): void {
    this.runStart = this.mark();
  }

  append(chunk: string): void {
    this.text += chunk;
    if (this.text.length > KEEP_CHARS * 2) {
      const drop = this.text.length - KEEP_CHARS;
      this.text = this.text.slice(drop);
      this.start += drop;
    }
  }

  mark(): number {
    return this.start + this.text.length;
  }

  since(mark: number): string {
    return this.text.slice(Math.max(0, mark - this.start));
  }

  /** The last `lines` lines of the current run, for crash messages. */
  tail(lines = 30): string {
    return this.since(this.runStart).split('\n').slice(-lines - 1).join('\n').trim();
  }
}
