/** The learner's server traffic as the agent reports it (`request-log` events): newest last. */
import type { RequestLogEntry } from '../state/request-log.ts';
import './inspectors.css';

export interface RequestLogPanelProps {
  entries: readonly RequestLogEntry[];
  onClear?: () => void;
}

export function RequestLogPanel({ entries, onClear }: RequestLogPanelProps) {
  return (
    <section class="panel inspector request-log" aria-label="Request log">
      <div class="toolbar">
        <span class="muted">{entries.length === 0 ? 'Requests to your server (from the HTTP client and from checks) appear here.' : `${entries.length} ${entries.length === 1 ? 'request' : 'requests'}`}</span>
        <span class="toolbar-gap" />
        {onClear && entries.length > 0 && (
          <button type="button" class="small" onClick={onClear}>
            Clear log
          </button>
        )}
      </div>
      {entries.length > 0 && (
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Status</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={index}>
                <td>{entry.method}</td>
                <td class="code">{entry.path}</td>
                <td class={`http-status-${Math.floor(entry.status / 100)}xx`}>{entry.status}</td>
                <td>{Math.round(entry.durationMs)} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
