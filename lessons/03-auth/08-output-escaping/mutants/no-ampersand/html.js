// A wrong escapeHtml (a mutant: see mutant.json).

/** `text` made safe to put between tags and inside quoted attribute values. */
export function escapeHtml(text) {
  return String(text).replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
