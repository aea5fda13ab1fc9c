/**
 * The pseudo-terminal between a WebContainer process and the page, as the fake models it.
 *
 * Output: the container sends the terminal's output as Uint8Array chunks, and the API decodes
 * each chunk on its own with one shared `TextDecoder` and no `{ stream: true }`
 * (@webcontainer/api 1.6.4, dist/index.js `binaryListener`: `listener(decoder.decode(data))`),
 * so `process.output` is a stream of *strings* in which a multi-byte character split across two
 * chunks has already become U+FFFD twice — the page cannot reassemble it. The terminal also
 * turns every `\n` into `\r\n` (ONLCR). How the real container sizes its chunks is not
 * documented; the fake cuts at `chunkBytes` (4096 by default, a pty read).
 *
 * Input: `process.input` writes to the "attached pseudoterminal device" (index.d.ts,
 * WebContainerProcess.input). A terminal in its default (cooked) mode echoes what is typed back
 * to the output and hands the program whole lines. Closing the input sends nothing: the real
 * WritableStream has a `write` handler and no `close` (dist/index.js, WebContainerProcessImpl),
 * so a program reading its stdin never sees the end of it.
 */
const encoder = new TextEncoder();
/** One decoder for every chunk, like the API's module-level `decoder`. */
const perChunkDecoder = new TextDecoder();
const LF = 0x0a;
const CR = 0x0d;

export const DEFAULT_CHUNK_BYTES = 4096;

/** `\n` → `\r\n`, on bytes, as a terminal's output processing does (even after a `\r`). */
function onlcr(bytes: Uint8Array): Uint8Array {
  let newlines = 0;
  for (const byte of bytes) if (byte === LF) newlines++;
  if (newlines === 0) return bytes;
  const out = new Uint8Array(bytes.length + newlines);
  let index = 0;
  for (const byte of bytes) {
    if (byte === LF) out[index++] = CR;
    out[index++] = byte;
  }
  return out;
}

export class FakeTerminal {
  private pendingLine = '';
  private readonly lines: string[] = [];
  private ended = false;
  private wake: () => void = () => {};

  constructor(
    /** Where decoded output chunks go (the process's `output` stream); absent when `output: false`. */
    private readonly emit: ((text: string) => void) | undefined,
    private readonly chunkBytes = DEFAULT_CHUNK_BYTES,
  ) {}

  /** What the program writes to stdout or stderr. */
  write(text: string): void {
    if (!this.emit) return;
    const bytes = onlcr(encoder.encode(text));
    for (let start = 0; start < bytes.length; start += this.chunkBytes) this.emit(perChunkDecoder.decode(bytes.subarray(start, start + this.chunkBytes)));
  }

  /** What the page writes to `process.input`: echoed, and delivered to the program line by line. */
  type(text: string): void {
    if (this.ended) return;
    this.write(text);
    this.pendingLine += text;
    let newline: number;
    while ((newline = this.pendingLine.indexOf('\n')) >= 0) {
      this.lines.push(this.pendingLine.slice(0, newline + 1));
      this.pendingLine = this.pendingLine.slice(newline + 1);
    }
    this.wake();
  }

  /** The process ended: its stdin reader stops (nothing reaches a dead process). */
  end(): void {
    this.ended = true;
    this.wake();
  }

  /** The program's stdin: whole lines, until the process ends. */
  readonly stdin: AsyncIterable<string> = {
    [Symbol.asyncIterator]: async function* (this: FakeTerminal) {
      for (;;) {
        const line = this.lines.shift();
        if (line !== undefined) yield line;
        else if (this.ended) return;
        else await new Promise<void>((resolve) => (this.wake = resolve));
      }
    }.bind(this),
  };
}
