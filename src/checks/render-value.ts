/**
 * Renders a value for a check result's `expected` / `actual`. Both sides go through this one
 * function so the UI can diff them line by line: pretty JSON, with the few values JSON cannot
 * show (regular expressions, undefined, bytes) spelled out instead of silently dropped.
 */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '(nothing)';
  if (value instanceof RegExp) return `a value matching ${String(value)}`;
  return JSON.stringify(value, replacer, 2) ?? String(value);
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof RegExp) return String(value);
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  return value;
}
