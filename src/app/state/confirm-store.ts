/**
 * One confirmation at a time, asked by an action and answered in the native <dialog> that
 * ConfirmDialog renders. `askConfirm` resolves true when the learner confirms.
 */
import { signal } from '@preact/signals';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  resolve(confirmed: boolean): void;
}

export const pendingConfirm = signal<ConfirmRequest | undefined>(undefined);

export function askConfirm(request: Omit<ConfirmRequest, 'resolve'>): Promise<boolean> {
  pendingConfirm.value?.resolve(false);
  return new Promise((resolve) => {
    pendingConfirm.value = {
      ...request,
      resolve: (confirmed) => {
        pendingConfirm.value = undefined;
        resolve(confirmed);
      },
    };
  });
}
