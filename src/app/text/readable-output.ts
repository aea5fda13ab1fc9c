/**
 * Makes server output readable in the checks panel: runs of stack frames in node_modules or
 * Node's internals fold into one line (the learner's own frame stays in view), and an HTML
 * error page (Express's default `<pre>Error: …<br> &nbsp;at …</pre>`) shows as its text.
 */
const LIBRARY_FRAME = /^\s*at .*(?:node_modules[\\/]|node:internal|\(node:|^\s*at node:)/;

/** Folds each run of two or more library frames into "    … N frames in node_modules and Node internals". */
export function foldLibraryFrames(text: string): string {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) out.push(run[0]!);
    else if (run.length > 1) out.push(`${/^\s*/.exec(run[0]!)?.[0] ?? ''}… ${run.length} frames in node_modules and Node internals`);
    run = [];
  };
  for (const line of text.split('\n')) {
    if (LIBRARY_FRAME.test(line)) run.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** An HTML page's text (tags dropped, `<br>` as a line break, entities decoded); any other text unchanged. */
export function htmlPageText(text: string): string {
  if (!/^\s*(<!doctype html|<html[\s>])/i.test(text)) return text;
  const body = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(text)?.[1] ?? text;
  return body
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|pre|h\d|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}
