// Turning text into HTML. Whatever a user typed must reach the page as text, never as markup.

const REFERENCES = [
  // & first: the references written below start with &, and must not be escaped again.
  [/&/g, '&amp;'],
  [/</g, '&lt;'],
  [/>/g, '&gt;'],
  // Quotes end attribute values: value="…" and value='…'.
  [/"/g, '&quot;'],
  [/'/g, '&#39;'],
];

/** `text` made safe to put between tags and inside quoted attribute values. */
export function escapeHtml(text) {
  let html = String(text);
  for (const [character, reference] of REFERENCES) html = html.replace(character, reference);
  return html;
}
