/**
 * JSON text with every character outside printable ASCII escaped (`\u00e9`), for the agent's
 * protocol lines: a pseudo-terminal or a per-chunk decoder between the agent and its caller
 * can then never split or mangle a character. Still plain JSON: `JSON.parse` reads it back.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
