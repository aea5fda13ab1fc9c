/** The one confirmation dialog (native <dialog>, modal), driven by confirm-store. */
import { useEffect, useRef } from 'preact/hooks';
import { pendingConfirm } from '../state/confirm-store.ts';

export function ConfirmDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const request = pendingConfirm.value;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) {
      // Escape closes without a value and would otherwise keep the last answer: start blank.
      element.returnValue = '';
      element.showModal();
    }
    if (!request && element.open) element.close();
  }, [request]);

  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onClose={() => pendingConfirm.peek()?.resolve(dialog.current?.returnValue === 'confirm')}
    >
      {request && (
        <form method="dialog">
          <h2 id="confirm-title">{request.title}</h2>
          <p id="confirm-message">{request.message}</p>
          <div class="dialog-actions">
            <button value="cancel" autofocus>Cancel</button>
            <button value="confirm" class="primary">{request.confirmLabel}</button>
          </div>
        </form>
      )}
    </dialog>
  );
}
