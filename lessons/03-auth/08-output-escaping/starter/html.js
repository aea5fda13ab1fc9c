// Turning text into HTML. Whatever a user typed must reach the page as text, never as markup.

/** `text` made safe to put between tags and inside quoted attribute values. */
export function escapeHtml(text) {
  // TODO: replace & < > " ' with their character references (& first!).
  return String(text);
}
