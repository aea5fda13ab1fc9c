// escapeHtml written another way: one pass over the string with a lookup table, numeric
// character references everywhere.

const ENTITIES = { '&': '&#38;', '<': '&#60;', '>': '&#62;', '"': '&#34;', "'": '&#39;' };

/** `text` made safe to put between tags and inside quoted attribute values. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => ENTITIES[character]);
}
