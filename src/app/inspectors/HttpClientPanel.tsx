/**
 * A small Postman inside the lesson: build a request, send it to the learner's server through
 * the workspace (the agent's `request` command), read the response. History per lesson,
 * re-send, copy as curl; Ctrl/Cmd+Enter sends while focus is in the panel.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { HttpRequestSpec, HttpResponse } from '../../checks/define.ts';
import type { ExampleRequest } from '../../lessons/types.ts';
import { copyText } from './clipboard.ts';
import { withCookies } from './cookie-jar.ts';
import { HttpClientStore, type SendRequest } from './http-client-store.ts';
import { formatBytes, HTTP_METHODS, specToCurl, type BodyMode } from './http-request-draft.ts';
import { JsonTree } from './JsonTree.tsx';
import { KeyValueEditor } from './KeyValueEditor.tsx';
import { indexedDbHistory, type HistoryEntry, type HistoryStorage } from './request-history.ts';
import './inspectors.css';

export interface HttpClientPanelProps {
  lessonId: string;
  /** The lesson's example requests (`lesson.meta.requests`); the first pre-fills the form. */
  examples: ExampleRequest[];
  /** Where the server listens as the learner would reach it, for "Copy as curl": `http://localhost:3000`. */
  origin: string;
  send: SendRequest;
  /** Where the history lives (IndexedDB unless given). */
  storage?: HistoryStorage;
}

const BODY_MODES: { mode: BodyMode; label: string }[] = [
  { mode: 'none', label: 'None' },
  { mode: 'json', label: 'JSON' },
  { mode: 'form', label: 'Form' },
  { mode: 'raw', label: 'Raw' },
];

export function HttpClientPanel({ lessonId, examples, origin, send, storage = indexedDbHistory }: HttpClientPanelProps) {
  // One store per lesson: switching lessons starts from that lesson's examples and history.
  const store = useMemo(() => new HttpClientStore(lessonId, examples, storage), [lessonId]);
  useEffect(() => void store.loadHistory(), [store]);
  const copied = useSignal<{ text: string; ok: boolean } | undefined>(undefined);
  const draft = store.draft.value;
  const cookies = store.cookies.value;
  const token = store.lastToken();
  const sendNow = () => void store.send(send);

  const copyCurl = async (request: HttpRequestSpec) => {
    // As a browser's "Copy as cURL": with the cookies the jar would send.
    const text = specToCurl(withCookies(request, store.cookies.peek()), origin);
    copied.value = { text, ok: await copyText(text) };
  };

  return (
    <section
      class="panel inspector http-client"
      aria-label="HTTP client"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
          event.preventDefault();
          sendNow();
        }
      }}
    >
      <form
        class="http-request"
        aria-label="Request"
        onSubmit={(event) => {
          event.preventDefault();
          sendNow();
        }}
      >
        <div class="http-request-line">
          <select aria-label="Method" value={draft.method} onChange={(event) => store.update({ method: event.currentTarget.value as (typeof HTTP_METHODS)[number] })}>
            {HTTP_METHODS.map((method) => (
              <option key={method} value={method}>
                {method}
              </option>
            ))}
          </select>
          <input type="text" class="http-path" aria-label="Path" value={draft.path} spellcheck={false} onInput={(event) => store.update({ path: event.currentTarget.value })} />
          <button type="submit" class="primary" disabled={store.sending.value} aria-keyshortcuts="Control+Enter Meta+Enter">
            {store.sending.value ? 'Sending…' : 'Send'}
          </button>
        </div>
        {examples.length > 0 && (
          <div class="toolbar http-examples">
            <span class="muted">Examples:</span>
            {examples.map((example, index) => (
              <button type="button" class="small" key={index} onClick={() => store.applyExample(example)}>
                {example.name ?? `${example.method} ${example.path}`}
              </button>
            ))}
          </div>
        )}
        <details open={draft.query.length > 0}>
          <summary>Query parameters ({draft.query.filter((row) => row.enabled).length})</summary>
          <KeyValueEditor noun="Query parameter" rows={draft.query} onChange={(query) => store.update({ query })} />
        </details>
        <details open={draft.headers.length > 0}>
          <summary>Headers ({draft.headers.filter((row) => row.enabled).length})</summary>
          <KeyValueEditor noun="Header" rows={draft.headers} onChange={(headers) => store.update({ headers })} />
          <button type="button" class="small" disabled={token === undefined} onClick={() => token !== undefined && store.useBearerToken(token)} title={token === undefined ? 'No token in the last response’s JSON body' : `Authorization: Bearer ${token}`}>
            Authorization: Bearer token from the last response
          </button>
        </details>
        <details open={cookies.length > 0}>
          <summary>Cookies ({cookies.filter((row) => row.enabled).length})</summary>
          <p class="muted">Kept for this lesson like a browser does: set by your server’s Set-Cookie, sent with every request.</p>
          <KeyValueEditor noun="Cookie" rows={cookies} onChange={(rows) => (store.cookies.value = rows)} />
          <button type="button" class="small" disabled={cookies.length === 0} onClick={() => (store.cookies.value = [])}>
            Clear cookies
          </button>
        </details>
        <fieldset class="http-body">
          <legend>Body</legend>
          <div class="toolbar" role="radiogroup" aria-label="Body type">
            {BODY_MODES.map(({ mode, label }) => (
              <label key={mode}>
                <input type="radio" name={`body-mode-${lessonId}`} checked={draft.bodyMode === mode} onChange={() => store.update({ bodyMode: mode })} /> {label}
              </label>
            ))}
          </div>
          {(draft.bodyMode === 'json' || draft.bodyMode === 'raw') && (
            <textarea aria-label="Request body" class="code" rows={5} spellcheck={false} value={draft.body} onInput={(event) => store.update({ body: event.currentTarget.value })} />
          )}
          {draft.bodyMode === 'form' && <KeyValueEditor noun="Form field" rows={draft.form} onChange={(form) => store.update({ form })} />}
        </fieldset>
      </form>

      {store.error.value && (
        <p class="error" role="alert">
          {store.error.value}
        </p>
      )}
      {store.response.value && <ResponseView response={store.response.value.response} onCopyCurl={() => void copyCurl(store.response.value!.request)} />}
      {copied.value && (
        <div class="http-copied" role="status">
          {copied.value.ok ? 'Copied the curl command.' : 'Copy it from here:'}
          <textarea readOnly aria-label="curl command" class="code" rows={2} value={copied.value.text} />
        </div>
      )}
      <History
        entries={store.history.value}
        problem={store.historyProblem.value}
        onLoad={(entry) => store.editFromHistory(entry)}
        onResend={(entry) => void store.resend(entry, send)}
        onCopyCurl={(entry) => void copyCurl(entry.request)}
      />
    </section>
  );
}

function ResponseView({ response, onCopyCurl }: { response: HttpResponse; onCopyCurl(): void }) {
  const raw = useSignal(false);
  const section = useRef<HTMLElement>(null);
  // On a laptop screen the form fills the pane: bring each new response's status line into view.
  useEffect(() => section.current?.scrollIntoView({ block: 'nearest' }), [response]);
  const size = new TextEncoder().encode(response.text).length;
  const headers = Object.entries(response.headers);
  return (
    <section class="http-response" aria-label="Response" ref={section}>
      <div class="toolbar">
        <strong class={`http-status http-status-${Math.floor(response.status / 100)}xx`}>
          {response.status} {STATUS_TEXT[response.status] ?? ''}
        </strong>
        <span class="muted">{Math.round(response.durationMs)} ms</span>
        <span class="muted">{formatBytes(size)}</span>
        <span class="toolbar-gap" />
        {response.json !== undefined && (
          <button type="button" class="small" aria-pressed={raw.value} onClick={() => (raw.value = !raw.value)}>
            Raw body
          </button>
        )}
        <button type="button" class="small" onClick={onCopyCurl}>
          Copy as curl
        </button>
      </div>
      <details>
        <summary>Response headers ({headers.length})</summary>
        <dl class="http-headers">
          {headers.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      {response.json !== undefined && !raw.value ? (
        <JsonTree value={response.json} label="Response body" />
      ) : (
        <pre class="http-body-text" aria-label="Response body">
          {response.text === '' ? '(empty body)' : response.text}
        </pre>
      )}
    </section>
  );
}

interface HistoryProps {
  entries: HistoryEntry[];
  problem: string | undefined;
  onLoad(entry: HistoryEntry): void;
  onResend(entry: HistoryEntry): void;
  onCopyCurl(entry: HistoryEntry): void;
}

function History({ entries, problem, onLoad, onResend, onCopyCurl }: HistoryProps) {
  return (
    <details class="http-history">
      <summary>History ({entries.length})</summary>
      {problem && <p class="muted">{problem}</p>}
      {entries.length === 0 ? (
        <p class="muted">Requests you send appear here.</p>
      ) : (
        <ul aria-label="Request history">
          {entries.map((entry) => {
            const what = `${entry.request.method ?? 'GET'} ${entry.request.path}`;
            return (
              <li key={entry.at}>
                <code>{what}</code> <span class="muted">{entry.status ?? 'no response'}</span>
                <button type="button" class="small" aria-label={`Edit ${what}`} onClick={() => onLoad(entry)}>
                  Edit
                </button>
                <button type="button" class="small" aria-label={`Send ${what} again`} onClick={() => onResend(entry)}>
                  Send again
                </button>
                <button type="button" class="small" aria-label={`Copy ${what} as curl`} onClick={() => onCopyCurl(entry)}>
                  curl
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};
