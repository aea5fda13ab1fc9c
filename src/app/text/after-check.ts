/**
 * Debugging lessons fold the bug's explanation in `<details class="after-check">` blocks: they
 * open once the learner has pressed Check in that lesson (after that first run ends), and stay
 * open on later visits — the lesson's saved progress counts its Checks.
 */
export const AFTER_CHECK_SELECTOR = 'details.after-check';

/** Whether the after-check explanations show: `attempts` counts Checks pressed, including one still running. */
export function afterCheckRevealed(attempts: number, checking: boolean): boolean {
  return attempts > 1 || (attempts === 1 && !checking);
}

/** Opens every after-check block under `root`; a learner may close one again, and it stays closed until the next change. */
export function openAfterCheckBlocks(root: ParentNode): void {
  for (const details of root.querySelectorAll<HTMLDetailsElement>(AFTER_CHECK_SELECTOR)) details.open = true;
}
