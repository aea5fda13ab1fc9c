/**
 * Binds one Monaco editor to the workspace store: one model per learner file, edits flow to
 * `store.files.edit`, file switches and outside changes (Solve, Reset, Undo, import) flow back in.
 * Loaded lazily with Monaco.
 */
import { effect } from '@preact/signals';
import type { WorkspaceStore } from '../state/workspace-store.ts';
import { defineEditorThemes, editorThemeFor } from './editor-themes.ts';
import { languageFor, monaco } from './monaco.ts';

const CURSOR_SAVE_DELAY_MS = 300;

export function mountEditor(host: HTMLElement, store: WorkspaceStore): () => void {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  defineEditorThemes(monaco.editor);
  const editor = monaco.editor.create(host, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    tabSize: 2,
    scrollBeyondLastLine: false,
    // 'dimmed' draws the last line number below the contrast text needs.
    renderFinalNewline: 'on',
    theme: editorThemeFor(dark.matches),
    ariaLabel: 'Code editor',
  });
  const models = new Map<string, monaco.editor.ITextModel>();
  let modelsLesson: string | undefined;
  /** True while the store's text is being put into a model, so that is not echoed back as an edit. */
  let applying = false;

  const pathOf = (model: monaco.editor.ITextModel | null) => (model ? model.uri.path.slice(1) : undefined);

  const syncModels = effect(() => {
    const files = store.files.contents.value;
    const lessonId = store.lessonId.value;
    if (lessonId !== modelsLesson) {
      editor.setModel(null);
      for (const model of models.values()) model.dispose();
      models.clear();
      modelsLesson = lessonId;
    }
    for (const [path, model] of models) {
      if (path in files) continue;
      model.dispose();
      models.delete(path);
    }
    applying = true;
    try {
      for (const [path, text] of Object.entries(files)) {
        const model = models.get(path);
        if (!model) {
          const uri = monaco.Uri.file(`/${path}`);
          monaco.editor.getModel(uri)?.dispose();
          models.set(path, monaco.editor.createModel(text, languageFor(path), uri));
        } else if (model.getValue() !== text) {
          // An edit operation (not setValue) so Ctrl+Z in the editor can still go back.
          model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
        }
      }
    } finally {
      applying = false;
    }
  });

  const showOpenFile = effect(() => {
    const path = store.files.openFile.value;
    store.files.contents.value; // re-run when a model appears for the open file
    const model = path ? models.get(path) : undefined;
    if (!model || editor.getModel() === model) return;
    editor.setModel(model);
    editor.updateOptions({ ariaLabel: `Code editor: ${path}`, readOnly: false });
    const cursor = store.files.restoredCursor.peek();
    if (cursor) {
      editor.setPosition(cursor);
      // Vertically only: at reload the editor may not have its final width yet, and revealing the
      // column would leave it scrolled sideways, lines starting mid-word.
      editor.revealLineInCenter(cursor.lineNumber);
      editor.setScrollLeft(0);
      store.files.restoredCursor.value = undefined;
    }
  });

  const revealRequested = effect(() => {
    const target = store.files.reveal.value;
    if (!target || editor.getModel() !== models.get(target.path)) return;
    const position = { lineNumber: target.lineNumber, column: target.column };
    editor.setPosition(position);
    editor.revealPositionInCenter(position);
    editor.focus();
    store.files.reveal.value = undefined;
  });

  const contentListener = editor.onDidChangeModelContent(() => {
    const model = editor.getModel();
    const path = pathOf(model);
    if (applying || !model || !path) return;
    store.files.edit(path, model.getValue());
  });

  let cursorTimer: ReturnType<typeof setTimeout> | undefined;
  const cursorListener = editor.onDidChangeCursorPosition((event) => {
    clearTimeout(cursorTimer);
    cursorTimer = setTimeout(() => store.files.setCursor({ lineNumber: event.position.lineNumber, column: event.position.column }), CURSOR_SAVE_DELAY_MS);
  });

  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void store.save());
  // `sql` lessons: Ctrl/Cmd+Enter runs the query (the result shows in the Database tab); Check is the button.
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => (store.lesson.peek()?.meta.kind === 'sql' ? store.runQuery() : void store.check()));

  const followTheme = (event: MediaQueryListEvent) => monaco.editor.setTheme(editorThemeFor(event.matches));
  dark.addEventListener('change', followTheme);

  return () => {
    dark.removeEventListener('change', followTheme);
    clearTimeout(cursorTimer);
    syncModels();
    showOpenFile();
    revealRequested();
    contentListener.dispose();
    cursorListener.dispose();
    editor.dispose();
    for (const model of models.values()) model.dispose();
  };
}
