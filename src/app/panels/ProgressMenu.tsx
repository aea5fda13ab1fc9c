/** Export progress (a JSON download) and Import progress (a file input that validates first). */
import { useSignal } from '@preact/signals';
import { exportProgress, importProgress, progressSaveError } from '../state/progress-store.ts';
import { errorText } from '../../shared/error-text.ts';
import { workspace } from '../state/workspace-store.ts';

export function ProgressMenu() {
  const message = useSignal<{ ok: boolean; text: string } | undefined>(undefined);

  const onImport = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const result = await importProgress(file);
      message.value = { ok: result.ok, text: result.message };
      if (result.ok) workspace.restoreFromProgress();
    } catch (error) {
      message.value = { ok: false, text: `Import failed: ${errorText(error)}. Nothing was changed.` };
    }
  };

  const onExport = async () => {
    try {
      await exportProgress();
      message.value = undefined;
    } catch (error) {
      message.value = { ok: false, text: `Export failed: ${errorText(error)}` };
    }
  };

  const saveError = progressSaveError.value;
  return (
    <>
      <div class="progress-menu">
        <button type="button" class="small" onClick={() => void onExport()}>Export progress</button>
        <label class="button small file-button">
          Import progress
          <input type="file" accept="application/json,.json" class="visually-hidden" onChange={(event) => void onImport(event)} />
        </label>
      </div>
      {/* In the header's flow (its own line), so it never covers the workspace. */}
      {(message.value || saveError) && (
        <p class={`progress-message ${message.value?.ok ? 'ok' : 'error'}`} role="alert">
          <span>{message.value?.text ?? saveError}</span>
          {message.value && (
            <button type="button" class="icon" aria-label="Dismiss message" onClick={() => (message.value = undefined)}>×</button>
          )}
        </p>
      )}
    </>
  );
}
