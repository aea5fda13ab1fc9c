/**
 * Dotted paths into JSON values, as check authors write them: `items.0.name`; `''` is the root.
 * Array indexes are plain numbers; a negative one counts from the end (`items.-1`).
 */
export type PathLookup = { found: true; value: unknown } | { found: false };

export function lookupPath(root: unknown, path: string): PathLookup {
  if (path === '') return { found: true, value: root };
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) {
      if (!/^-?\d+$/.test(segment)) return { found: false };
      const index = Number(segment) < 0 ? current.length + Number(segment) : Number(segment);
      if (index < 0 || index >= current.length) return { found: false };
      current = current[index];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/** `items.0.name` → `the JSON body's items.0.name`, `''` → `the JSON body`. */
export function describePath(path: string): string {
  return path === '' ? 'the JSON body' : `the JSON body's "${path}"`;
}
