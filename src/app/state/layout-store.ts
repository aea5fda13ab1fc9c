/** Layout choices the learner makes once and expects to stay (kept in localStorage). */
import { effect, signal } from '@preact/signals';

const NAV_KEY = 'backend-playground:lessons-hidden';

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'true';
  } catch {
    return false;
  }
}

/** The lessons list can be hidden to give the workspace the whole width. */
export const lessonsHidden = signal(readFlag(NAV_KEY));

effect(() => {
  try {
    localStorage.setItem(NAV_KEY, String(lessonsHidden.value));
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
});
