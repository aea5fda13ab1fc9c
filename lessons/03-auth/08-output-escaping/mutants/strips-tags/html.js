// A wrong escapeHtml (a mutant: see mutant.json).

/** `text` made safe to put between tags and inside quoted attribute values. */
export function escapeHtml(text) {
  // "Sanitise" by deleting anything that looks like a tag.
  return String(text).replace(/<[^>]*>/g, '').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
