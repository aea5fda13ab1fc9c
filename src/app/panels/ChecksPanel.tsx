/** Check results, streamed in as they arrive: status, message, expected vs actual, output, hint. */
import type { CheckResult, CheckStatus } from '../../checks/result.ts';
import { lineDiff } from '../line-diff.ts';
import { workspace } from '../state/workspace-store.ts';
import { helpAllowedFor } from '../state/assessment-store.ts';
import { StackTraceText } from '../inspectors/StackTraceText.tsx';
import { InlineCode } from '../text/InlineCode.tsx';
import { htmlPageText } from '../text/readable-output.ts';

const openFileAt = (path: string, line: number, column?: number) => workspace.files.openAt(path, line, column);

const STATUS_LABEL: Record<CheckStatus, string> = { pass: 'Passed', fail: 'Failed', error: 'Checker error', timeout: 'Timed out' };

export function ChecksPanel() {
  const lesson = workspace.lesson.value;
  const results = workspace.checks.results.value;
  const checking = workspace.checks.running.value;
  const listed = lesson?.checkList ?? [];
  const extra = Object.values(results).filter((result) => !listed.some((check) => check.id === result.id));
  const all = [...listed.map((check) => results[check.id] ?? check), ...extra];
  const finished = Object.values(results);
  const passed = finished.filter((result) => result.status === 'pass').length;
  // Self-assessments hold hints back until the learner has submitted.
  const hintsAllowed = !lesson || helpAllowedFor(lesson);

  return (
    <section class="panel checks-panel" aria-labelledby="checks-title">
      <div class="panel-title">
        <h2 id="checks-title">Checks</h2>
        <span class="muted">
          {checking ? 'Running…' : finished.length > 0 ? `${passed} of ${all.length} checks passed` : idleText(lesson?.meta.kind)}
        </span>
      </div>
      {workspace.checks.problem.value && <p class="error check-problem" role="alert">{workspace.checks.problem.value}</p>}
      {/* Focusable: the list scrolls, and keyboard users must be able to scroll it. */}
      <ol class="check-list" tabIndex={0} aria-labelledby="checks-title">
        {all.map((check) => (
          <CheckItem key={check.id} check={check} running={checking && !('status' in check)} showHint={hintsAllowed} />
        ))}
      </ol>
    </section>
  );
}

/** What to press, with what Ctrl/Cmd+Enter does in this lesson kind (it Runs the query in `sql` lessons). */
function idleText(kind: string | undefined): string {
  return kind === 'sql' ? 'Press Check to run them (Ctrl/Cmd+Enter runs your query)' : 'Press Check (Ctrl/Cmd+Enter) to run them';
}

function CheckItem({ check, running, showHint }: { check: CheckResult | { id: string; title: string }; running: boolean; showHint: boolean }) {
  if (!('status' in check)) {
    return (
      <li class="check check-pending">
        <span class="badge">{running ? 'Running' : 'Not run'}</span> <span class="check-title">{check.title}</span>
      </li>
    );
  }
  return (
    <li class={`check check-${check.status}`}>
      <span class="badge">{STATUS_LABEL[check.status]}</span> <span class="check-title">{check.title}</span>
      {check.status !== 'pass' && check.message && <StackTraceText as="p" class="check-message" text={check.message} files={Object.keys(workspace.files.contents.value)} openFileAt={openFileAt} />}
      {check.status !== 'pass' && check.expected !== undefined && check.actual !== undefined && <Diff expected={check.expected} actual={check.actual} />}
      {check.logs && (
        <details>
          <summary>Server output</summary>
          <StackTraceText class="check-logs" text={check.logs} files={Object.keys(workspace.files.contents.value)} openFileAt={openFileAt} />
        </details>
      )}
      {check.status !== 'pass' && showHint && check.hint && (
        <details>
          <summary>Show hint</summary>
          <p>
            <InlineCode text={check.hint} />
          </p>
        </details>
      )}
    </li>
  );
}

function Diff({ expected, actual }: { expected: string; actual: string }) {
  // An HTML error page (Express's default) reads as its message, not as escaped markup.
  const lines = lineDiff(htmlPageText(expected), htmlPageText(actual));
  return (
    <figure class="diff">
      <figcaption>
        <span class="diff-expected">− expected</span> <span class="diff-actual">+ actual</span>
      </figcaption>
      <pre>
        {lines.map((line, index) => (
          <div key={index} class={`diff-line diff-${line.kind}`}>
            <span class="diff-sign" aria-hidden="true">{line.kind === 'expected' ? '−' : line.kind === 'actual' ? '+' : ' '}</span>
            {line.kind !== 'same' && <span class="visually-hidden">{line.kind}: </span>}
            {line.text}
          </div>
        ))}
      </pre>
    </figure>
  );
}
