/**
 * The "Keyboard" disclosure in the workspace toolbar: every shortcut, said for this lesson kind
 * (Ctrl/Cmd+Enter Checks a server lesson and Runs a `sql` lesson's query), and how to leave the
 * editor — Tab types a tab there until Ctrl+M (Ctrl+Shift+M on a Mac) makes it move focus.
 */
export function KeyboardHelp({ kind }: { kind: 'server' | 'sql' | undefined }) {
  return (
    <details class="keyboard-help">
      <summary>Keyboard</summary>
      <div class="keyboard-help-body" role="group" aria-label="Keyboard shortcuts">
        <dl>
          <dt>
            <kbd>Ctrl/Cmd+Enter</kbd>
          </dt>
          <dd>{kind === 'sql' ? 'Runs your query (the result shows in the Database tab). Check is the button.' : 'Runs the checks (Check).'}</dd>
          {kind !== 'sql' && (
            <>
              <dt>
                <kbd>Ctrl/Cmd+S</kbd>
              </dt>
              <dd>Saves your files and restarts your server (as Run does).</dd>
            </>
          )}
          <dt>
            <kbd>Ctrl+M</kbd> (Mac: <kbd>Ctrl+Shift+M</kbd>)
          </dt>
          <dd>In the editor: switches Tab between typing a tab and moving focus out of the editor. Press it, then Tab to leave.</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>In the editor: closes a suggestion list or the find box; it does not leave the editor.</dd>
          <dt>
            <kbd>Ctrl/Cmd+Enter</kbd> in the HTTP client
          </dt>
          <dd>Sends the request.</dd>
          <dt>Arrow keys on a separator</dt>
          <dd>Resize the panes.</dd>
        </dl>
      </div>
    </details>
  );
}
