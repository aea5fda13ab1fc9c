/**
 * `{{name}}` placeholders in HTTP steps, filled with values captured by earlier steps of the
 * same check. An unknown name is the check author's slip, so it throws a plain Error (the
 * runner reports it as a checker error, not as the learner's fault).
 */
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

export function fillTemplate(text: string, captures: Record<string, unknown>): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    if (!Object.hasOwn(captures, name)) {
      const known = Object.keys(captures);
      throw new Error(`{{${name}}} was never captured (captured so far: ${known.length ? known.join(', ') : 'nothing'})`);
    }
    const value = captures[name];
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Fills every string inside a JSON-like value. A string that is exactly one placeholder keeps the captured value's type. */
export function fillTemplates<T>(value: T, captures: Record<string, unknown>): T {
  if (typeof value === 'string') {
    const whole = /^\{\{\s*([\w.-]+)\s*\}\}$/.exec(value);
    if (whole?.[1] !== undefined && Object.hasOwn(captures, whole[1]) && typeof captures[whole[1]] !== 'string') {
      return captures[whole[1]] as T;
    }
    return fillTemplate(value, captures) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => fillTemplates(item, captures)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof RegExp)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillTemplates(item, captures)])) as T;
  }
  return value;
}
