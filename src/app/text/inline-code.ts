/**
 * Splits a short lesson string (a hint, a check's hint) at Markdown backticks, so `code` shows
 * as code and not as raw backticks. Only inline code: lesson bodies are rendered from Markdown
 * at build time, and shipping a Markdown parser for a hint's backticks would not pay its way.
 */
export interface TextPiece {
  text: string;
  code: boolean;
}

/** "Use `res.json()` here" → text "Use ", code "res.json()", text " here". An unpaired backtick stays as text. */
export function splitInlineCode(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const pattern = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), code: false });
    // CommonMark: one space padding both ends of a code span is stripped (so `` `x` `` can hold a backtick).
    const inner = match[2]!;
    pieces.push({ text: /^ .* $/s.test(inner) && inner.trim() !== '' ? inner.slice(1, -1) : inner, code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), code: false });
  return pieces;
}
