/** A short lesson string with its `code` spans rendered as code (see inline-code.ts). */
import { splitInlineCode } from './inline-code.ts';

export function InlineCode({ text }: { text: string }) {
  return <>{splitInlineCode(text).map((piece, index) => (piece.code ? <code key={index}>{piece.text}</code> : piece.text))}</>;
}
