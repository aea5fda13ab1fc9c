/** How many of the open lesson's hints the learner has revealed: one at a time, never past the last. */
import { signal } from '@preact/signals';

export class HintsStore {
  readonly shown = signal(0);

  reveal(total: number): void {
    this.shown.value = Math.min(total, this.shown.peek() + 1);
  }

  /** A new lesson starts with its hints hidden. */
  hideAll(): void {
    this.shown.value = 0;
  }
}
