/**
 * State of one lesson's HTTP client: the form, the last response, the history, the cookie jar. The panel
 * renders it; sending goes through the `send` function the workspace gives (the agent's
 * `request` command), never straight to a server.
 */
import { signal } from '@preact/signals';
import type { HttpRequestSpec, HttpResponse } from '../../checks/define.ts';
import type { ExampleRequest } from '../../lessons/types.ts';
import { addToHistory, type HistoryEntry, type HistoryStorage } from './request-history.ts';
import { draftToSpec, emptyDraft, exampleToDraft, specToDraft, type HttpRequestDraft } from './http-request-draft.ts';
import { errorText } from '../../shared/error-text.ts';
import { findBearerToken } from './bearer-token.ts';
import { storeSetCookies, withCookies } from './cookie-jar.ts';
import type { KeyValue } from './http-request-draft.ts';

export type SendRequest = (request: HttpRequestSpec) => Promise<HttpResponse>;

export class HttpClientStore {
  readonly draft = signal<HttpRequestDraft>(emptyDraft());
  readonly response = signal<{ request: HttpRequestSpec; response: HttpResponse } | undefined>(undefined);
  /** A form problem or a failed send, shown instead of a response. */
  readonly error = signal<string | undefined>(undefined);
  readonly sending = signal(false);
  /** The lesson's cookie jar: filled by `Set-Cookie`, sent with every request, editable and clearable. */
  readonly cookies = signal<KeyValue[]>([]);
  readonly history = signal<HistoryEntry[]>([]);
  /** Set when the history could not be read or saved; the client still works. */
  readonly historyProblem = signal<string | undefined>(undefined);

  readonly #lessonId: string;
  readonly #storage: HistoryStorage;

  constructor(lessonId: string, examples: ExampleRequest[], storage: HistoryStorage) {
    this.#lessonId = lessonId;
    this.#storage = storage;
    const first = examples[0];
    if (first) this.draft.value = exampleToDraft(first);
  }

  /** The token the last response's JSON body holds (a login's answer), for "Bearer token from the last response". */
  lastToken(): string | undefined {
    return findBearerToken(this.response.value?.response.json);
  }

  /** Sets the form's Authorization header to `Bearer <token>`, replacing any there. */
  useBearerToken(token: string): void {
    const headers = this.draft.peek().headers.filter((row) => row.name.trim().toLowerCase() !== 'authorization');
    this.update({ headers: [...headers, { name: 'Authorization', value: `Bearer ${token}`, enabled: true }] });
  }

  async loadHistory(): Promise<void> {
    try {
      this.history.value = await this.#storage.read(this.#lessonId);
    } catch (error) {
      this.historyProblem.value = `Request history could not be read: ${errorText(error)}`;
    }
  }

  update(patch: Partial<HttpRequestDraft>): void {
    this.draft.value = { ...this.draft.peek(), ...patch };
  }

  applyExample(example: ExampleRequest): void {
    this.draft.value = exampleToDraft(example);
    this.error.value = undefined;
  }

  editFromHistory(entry: HistoryEntry): void {
    this.draft.value = specToDraft(entry.request);
    this.error.value = undefined;
  }

  /** Sends the form's request. */
  send(send: SendRequest): Promise<void> {
    const result = draftToSpec(this.draft.peek());
    if (!result.ok) {
      this.error.value = result.message;
      return Promise.resolve();
    }
    return this.sendSpec(result.spec, send);
  }

  /** Sends a request from the history again, as it was. */
  resend(entry: HistoryEntry, send: SendRequest): Promise<void> {
    this.draft.value = specToDraft(entry.request);
    return this.sendSpec(entry.request, send);
  }

  private async sendSpec(request: HttpRequestSpec, send: SendRequest): Promise<void> {
    if (this.sending.peek()) return;
    this.sending.value = true;
    this.error.value = undefined;
    const at = new Date().toISOString();
    let entry: HistoryEntry;
    try {
      // The history keeps the request as the learner wrote it; the jar's cookies go with each send.
      const response = await send(withCookies(request, this.cookies.peek()));
      this.cookies.value = storeSetCookies(this.cookies.peek(), response.headers['set-cookie']);
      this.response.value = { request, response };
      entry = { at, request, status: response.status, durationMs: response.durationMs };
    } catch (error) {
      this.response.value = undefined;
      this.error.value = `The request could not be sent: ${errorText(error)}`;
      entry = { at, request, error: errorText(error) };
    } finally {
      this.sending.value = false;
    }
    this.history.value = addToHistory(this.history.peek(), entry);
    try {
      await this.#storage.write(this.#lessonId, this.history.peek());
    } catch (error) {
      this.historyProblem.value = `Request history could not be saved: ${errorText(error)}`;
    }
  }
}
