/** The lesson's files. Create, rename and delete appear only when the lesson allows them. */
import { useSignal } from '@preact/signals';
import { askConfirm } from '../state/confirm-store.ts';
import { workspace } from '../state/workspace-store.ts';

type Editing = { mode: 'create' } | { mode: 'rename'; path: string };

export function FileTree() {
  const files = Object.keys(workspace.files.contents.value).sort((a, b) => a.localeCompare(b));
  const open = workspace.files.openFile.value;
  const canChange = workspace.files.canChangeFiles.value;
  const editing = useSignal<Editing | undefined>(undefined);
  const problem = useSignal<string | undefined>(undefined);

  const submit = (event: Event) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '').trim();
    const current = editing.value;
    if (!current) return;
    const error = current.mode === 'create' ? workspace.files.create(name) : workspace.files.rename(current.path, name);
    problem.value = error;
    if (!error) editing.value = undefined;
  };

  const remove = async (path: string) => {
    if (await askConfirm({ title: `Delete ${path}?`, message: 'The file goes away for good (Undo does not bring it back).', confirmLabel: 'Delete' })) workspace.files.delete(path);
  };

  return (
    <nav class="panel file-tree" aria-label="Files">
      <div class="panel-title">
        <h2>Files</h2>
        {canChange && (
          <button type="button" class="small" onClick={() => (editing.value = { mode: 'create' })}>New file</button>
        )}
      </div>
      <ul>
        {files.map((path) => (
          <li key={path} style={{ paddingInlineStart: `${(path.split('/').length - 1) * 0.75}rem` }}>
            <button type="button" class="file" aria-current={path === open ? 'true' : undefined} onClick={() => workspace.files.select(path)} title={path}>
              {path}
            </button>
            {canChange && (
              <span class="file-actions">
                <button type="button" class="icon" aria-label={`Rename ${path}`} onClick={() => (editing.value = { mode: 'rename', path })}>✎</button>
                <button type="button" class="icon" aria-label={`Delete ${path}`} onClick={() => void remove(path)}>🗑</button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {editing.value && (
        <form class="file-form" onSubmit={submit}>
          <label>
            {editing.value.mode === 'create' ? 'New file name' : `New name for ${editing.value.path}`}
            <input name="name" autofocus required defaultValue={editing.value.mode === 'rename' ? editing.value.path : ''} aria-invalid={problem.value ? 'true' : undefined} aria-describedby="file-problem" />
          </label>
          {problem.value && <p id="file-problem" class="error">{problem.value}</p>}
          <div class="toolbar">
            <button type="submit" class="small">{editing.value.mode === 'create' ? 'Create' : 'Rename'}</button>
            <button type="button" class="small" onClick={() => { editing.value = undefined; problem.value = undefined; }}>Cancel</button>
          </div>
        </form>
      )}
    </nav>
  );
}
