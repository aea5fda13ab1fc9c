/**
 * A line diff of a check's expected and actual text (longest common subsequence), so a
 * learner sees which lines differ instead of comparing two blobs by eye.
 */
export type DiffLine = { kind: 'same' | 'expected' | 'actual'; text: string };

/** Inputs longer than this many lines on both sides are shown whole rather than diffed. */
const MAX_LINES = 400;

export function lineDiff(expected: string, actual: string): DiffLine[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  if (a.length * b.length > MAX_LINES * MAX_LINES) {
    return [...a.map((text) => ({ kind: 'expected' as const, text })), ...b.map((text) => ({ kind: 'actual' as const, text }))];
  }
  // lengths[i][j] = length of the LCS of a[i..] and b[j..]
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      lines.push({ kind: 'expected', text: a[i++]! });
    } else {
      lines.push({ kind: 'actual', text: b[j++]! });
    }
  }
  while (i < a.length) lines.push({ kind: 'expected', text: a[i++]! });
  while (j < b.length) lines.push({ kind: 'actual', text: b[j++]! });
  return lines;
}
