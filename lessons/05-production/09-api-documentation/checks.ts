/**
 * API documentation: the learner's OpenAPI 3.1 document is graded against the running server,
 * the way a contract test in CI does. The document must be valid OpenAPI (the official 3.1
 * schema); every route the server answers on /books and /books/{id} must be documented and every
 * documented operation must exist; the statuses and bodies the server really sends (for valid and
 * invalid requests) must be documented and match their schemas; response objects must be closed
 * (`additionalProperties: false`), so an undocumented field fails; and the request schema must
 * accept and refuse what the server accepts and refuses.
 *
 * Each check reads the document afresh and grades one rule; a document it cannot use for its
 * rule (not served, no POST /books) makes it say "could not test yet" instead of re-diagnosing.
 */
import { defineChecks, type CheckContext, type HttpMethod, type HttpRequestSpec, type HttpResponse } from '../../../src/checks/define.ts';
import { CheckFailure } from '../../../src/checks/check-failure.ts';
import { errorText } from '../../../src/shared/error-text.ts';
import { send } from '../../_support/checks.ts';
import { concretePath, findOperation, isObject, loadDocument, operations, resolve, sendableMethod, showPath, valueAt, type JsonObject, type Location, type Operation } from './document.ts';
import { DocumentSchemas, documentProblems, openObjectSchemas } from './schemas.ts';

/** Requests whose answers the document must describe: each route, valid and invalid. POSTs come first, so the list then holds a book whose year is null. */
const SCENARIOS: { request: HttpRequestSpec & { method: HttpMethod }; what: string }[] = [
  { request: { method: 'POST', path: '/books', json: { title: 'Kindred', author: 'Octavia E. Butler', year: 1979 } }, what: 'a valid new book' },
  { request: { method: 'POST', path: '/books', json: { title: 'Beowulf', author: 'Unknown' } }, what: 'a new book without a year' },
  { request: { method: 'POST', path: '/books', json: { author: 'Nobody' } }, what: 'a new book without a title' },
  { request: { method: 'GET', path: '/books' }, what: 'the list' },
  { request: { method: 'GET', path: '/books/1' }, what: 'a book that exists' },
  { request: { method: 'GET', path: '/books/999999' }, what: 'an id no book has' },
  { request: { method: 'GET', path: '/books/abc' }, what: 'an id that is not a number' },
];

/** The routes the checks look for undocumented methods on; DELETE last, so it cannot take book 1 from the others. */
const PROBED_PATHS = ['/books', '/books/{id}'];
const PROBED_METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** A valid new book; the request checks take fields out of it or spoil one. */
const VALID_BOOK = { title: 'Middlemarch', author: 'George Eliot', year: 1871 };
const BOOK_FIELDS = ['title', 'author', 'year'] as const;

function request(spec: HttpRequestSpec): string {
  return `${spec.method ?? 'GET'} ${spec.path}${spec.json === undefined ? '' : ` ${JSON.stringify(spec.json)}`}`;
}

/** Ends the check with every problem found, one per line: fixing one at a time costs the learner a Check each. */
function failWith(t: CheckContext, problems: string[], advice: string): void {
  if (problems.length === 0) return;
  t.fail(`${advice}\n- ${problems.slice(0, 6).join('\n- ')}${problems.length > 6 ? `\n- … and ${problems.length - 6} more` : ''}`);
}

/**
 * Whether the server answers `spec` the way it answers a route it does not have: the same
 * status, media type and body (with the path swapped) as for a made-up path. Express answers
 * unknown routes 404 "Cannot DELETE /books/1"; a catch-all 404 handler answers them its own way.
 */
async function answersLikeNoRoute(t: CheckContext, spec: HttpRequestSpec & { method: HttpMethod }): Promise<{ same: boolean; res: HttpResponse }> {
  const nowhere = `/no-such-route-${Math.random().toString(36).slice(2, 8)}`;
  const res = await send(t, spec);
  const none = await send(t, { ...spec, path: nowhere });
  const media = (r: HttpResponse) => (r.headers['content-type'] ?? '').split(';')[0]?.trim();
  const same = res.status === none.status && media(res) === media(none) && res.text.split(spec.path).join(nowhere) === none.text;
  return { same, res };
}

/** `404 Cannot DELETE /books/1`: an answer in one short line, also when it is an HTML page. */
function brief(res: HttpResponse): string {
  const text = res.text.replace(/<(head|title)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return `${res.status}${text ? ` ${text.length > 120 ? `${text.slice(0, 120)}…` : text}` : ''}`;
}

/** A method that sends a body gets `{}` (which the books API refuses with 400: nothing is created). */
function probe(method: HttpMethod, path: string): HttpRequestSpec & { method: HttpMethod } {
  return ['POST', 'PUT', 'PATCH'].includes(method) ? { method, path, json: {} } : { method, path };
}

/** The documented response for `status`: the exact code, else its range (`4XX`). `default` does not count. */
function documentedResponse(doc: JsonObject, op: Operation, status: number): { key: string; location: Location; value: JsonObject } | undefined {
  const responses = isObject(op.value.responses) ? op.value.responses : {};
  const key = Object.keys(responses).find((k) => k === String(status)) ?? Object.keys(responses).find((k) => k.toUpperCase() === `${Math.floor(status / 100)}XX`);
  if (key === undefined) return undefined;
  const resolved = resolve(doc, [...op.location, 'responses', key]);
  return resolved ? { key, ...resolved } : undefined;
}

/** The media type entry for a response's Content-Type: exact, then `type/*`, then `*\/*`. */
function mediaFor(content: JsonObject, contentType: string): string | undefined {
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const keys = Object.keys(content);
  return keys.find((k) => k.toLowerCase() === mime) ?? keys.find((k) => k.toLowerCase() === `${mime.split('/')[0]}/*`) ?? keys.find((k) => k === '*/*');
}

/**
 * Where POST /books's JSON request schema is (`at`, following Reference Objects) and where its
 * fields are written (`shown`: through a schema that is only a `$ref`, such as NewBook), or a
 * setup failure saying what to document first.
 */
function requestSchemaOf(doc: JsonObject): { at: Location; shown: string } {
  const op = findOperation(doc, 'POST', '/books');
  if (!op) throw new CheckFailure("the document has no POST /books yet: add paths['/books'].post with its requestBody.", { kind: 'setup' });
  const body = resolve(doc, [...op.location, 'requestBody']);
  const at = body && [...body.location, 'content', 'application/json', 'schema'];
  if (!at || valueAt(doc, at) === undefined) {
    throw new CheckFailure(`${showPath([...op.location, 'requestBody'])} must describe the JSON body: content: { 'application/json': { schema: … } }.`, { kind: 'setup' });
  }
  return { at, shown: showPath(resolve(doc, at)?.location ?? at, doc) };
}

function schemasOf(doc: JsonObject): DocumentSchemas {
  try {
    return new DocumentSchemas(doc);
  } catch (error) {
    throw new CheckFailure(`the document's schemas cannot be read (${errorText(error)}): make the "The document is valid OpenAPI 3.1" check pass first.`, { kind: 'setup' });
  }
}

/** Validates with the document's schema, turning a schema ajv cannot compile into a failure that names it. */
function validateAt(t: CheckContext, schemas: DocumentSchemas, at: Location, value: unknown, name: string): ReturnType<DocumentSchemas['problems']> {
  try {
    return schemas.problems(at, value, name);
  } catch (error) {
    return t.fail(`The schema at ${showPath(at)} cannot be used (${errorText(error)}). Make the "The document is valid OpenAPI 3.1" check pass first.`);
  }
}

export default defineChecks({
  checks: [
    {
      id: 'valid-openapi-document',
      title: 'GET /openapi.json serves a valid OpenAPI 3.1 document',
      hint: 'Start from the parts the starter gives: openapi "3.1.0", info with title and version, and paths. The message names the place in the document (paths["/books/{id}"].get…) that is wrong.',
      timeoutMs: 10_000,
      run: async (t: CheckContext) => {
        const doc = await loadDocument(t, { setup: false });
        failWith(t, documentProblems(doc), 'The document is not valid OpenAPI 3.1 (the official 3.1 schema and the rules it cannot express: $refs that resolve, path parameters, Schema Objects). Fix these places in it:');
      },
    },
    {
      id: 'every-route-documented',
      title: 'Every method the server answers on /books and /books/{id} is documented',
      hint: "OpenAPI writes Express's /books/:id as /books/{id}. Document the routes the server has: GET /books, POST /books, GET /books/{id}.",
      freshServer: true,
      timeoutMs: 15_000,
      run: async (t: CheckContext) => {
        const doc = await loadDocument(t, { setup: true });
        const problems: string[] = [];
        for (const template of PROBED_PATHS) {
          const path = concretePath(template);
          for (const method of PROBED_METHODS) {
            if (findOperation(doc, method, path)) continue;
            const { same, res } = await answersLikeNoRoute(t, probe(method, path));
            if (!same) problems.push(`${method} ${path} is answered (${brief(res)}), but no operation in paths documents it: add paths[${JSON.stringify(template)}].${method.toLowerCase()}.`);
          }
        }
        failWith(t, problems, 'A client reads the document to learn what it may call: every route the server has must be in it (also when the server changed after the document was written).');
      },
    },
    {
      id: 'documented-operations-exist',
      title: 'Every documented operation exists on the server',
      hint: 'Document only the routes server.js has; a path parameter is written {id}, not :id.',
      freshServer: true,
      timeoutMs: 15_000,
      run: async (t: CheckContext) => {
        const doc = await loadDocument(t, { setup: true });
        const problems: string[] = [];
        // Documented DELETEs last: a real one may remove book 1, which the others read.
        const ops = operations(doc).sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
        for (const op of ops) {
          const method = sendableMethod(op.method);
          if (!method) continue;
          const path = concretePath(op.path);
          const { same, res } = await answersLikeNoRoute(t, probe(method, path));
          if (same) problems.push(`${showPath(op.location)} documents ${method} ${op.path}, but the server answers ${method} ${path} like a route it does not have (${brief(res)}). Remove it, or fix the path or method to the route the server has.`);
        }
        failWith(t, problems, 'A client that trusts the document would call operations that are not there:');
      },
    },
    {
      id: 'statuses-documented',
      title: 'Every status the server sends is documented for its operation',
      hint: 'The checks send valid and invalid requests: POST /books answers 201 or 400, GET /books/{id} 200 or 404. List each under responses; `default` does not count.',
      freshServer: true,
      timeoutMs: 15_000,
      run: async (t: CheckContext) => {
        const doc = await loadDocument(t, { setup: true });
        const problems: string[] = [];
        for (const { request: spec, what } of SCENARIOS) {
          const op = findOperation(doc, spec.method, spec.path);
          const res = await send(t, spec);
          if (!op || documentedResponse(doc, op, res.status)) continue;
          const listed = Object.keys(isObject(op.value.responses) ? op.value.responses : {});
          problems.push(`${request(spec)} (${what}) answered ${res.status}, but ${showPath([...op.location, 'responses'])} has no "${res.status}" (it lists ${listed.length ? listed.join(', ') : 'nothing'}).`);
        }
        failWith(t, problems, 'Document every status the server really sends, with a description (and a schema for its body); a `default` response does not count here: it tells a client nothing about which errors to expect.');
      },
    },
    {
      id: 'bodies-match-schemas',
      title: 'Every body the server sends matches its documented schema',
      hint: 'Read each line: the place in the body, what is wrong, and the schema (components.schemas.Book…) that says otherwise. year is null for a book created without one: type: ["integer", "null"].',
      freshServer: true,
      timeoutMs: 15_000,
      run: async (t: CheckContext) => {
        const doc = await loadDocument(t, { setup: true });
        const schemas = schemasOf(doc);
        const problems: string[] = [];
        // The same schema mistake seen in several answers is one line, with the first answer that showed it.
        const mistakes = new Map<string, { text: string; more: number }>();
        for (const { request: spec, what } of SCENARIOS) {
          const op = findOperation(doc, spec.method, spec.path);
          const res = await send(t, spec);
          const response = op && documentedResponse(doc, op, res.status);
          if (!response) continue;
          const label = `${request(spec)} (${what}) → ${res.status}`;
          const content = isObject(response.value.content) ? response.value.content : {};
          if (res.text === '') continue;
          const media = mediaFor(content, res.headers['content-type'] ?? '');
          if (media === undefined) {
            problems.push(`${label}: the body is ${res.headers['content-type'] ?? 'sent'}, but ${showPath([...response.location, 'content'])} does not describe it: add content: { 'application/json': { schema: … } }.`);
            continue;
          }
          const schemaAt = [...response.location, 'content', media, 'schema'];
          if (valueAt(doc, schemaAt) === undefined) {
            problems.push(`${label}: ${showPath([...response.location, 'content', media])} has no schema: describe the body the server sends.`);
            continue;
          }
          const { lines } = validateAt(t, schemas, schemaAt, res.json ?? res.text, 'body');
          for (const { key, text } of lines) {
            const seen = mistakes.get(key);
            if (seen) seen.more += 1;
            else mistakes.set(key, { text: `${label}: ${text}`, more: 0 });
          }
        }
        for (const { text, more } of mistakes.values()) problems.push(`${text}${more ? ` (and in ${more} more answer${more > 1 ? 's' : ''})` : ''}.`);
        failWith(t, problems, "The server's real answers do not match the document. Fix the schema (or, if the server is wrong, the server): a field the server sends must be in `properties`, with its real type.");
      },
    },
    {
      id: 'response-objects-closed',
      title: 'Response object schemas are closed with additionalProperties: false',
      hint: 'Add additionalProperties: false next to properties in Book and Error (a schema composed with allOf is closed with unevaluatedProperties: false instead).',
      run: async (t: CheckContext) => {
        const doc = await loadDocument(t, { setup: true });
        const open = new Map<string, string>();
        for (const op of operations(doc)) {
          const responses = isObject(op.value.responses) ? op.value.responses : {};
          for (const code of Object.keys(responses)) {
            const response = resolve(doc, [...op.location, 'responses', code]);
            const content = response && isObject(response.value.content) ? response.value.content : {};
            for (const media of Object.keys(content)) {
              if (!response) continue;
              for (const at of openObjectSchemas(doc, [...response.location, 'content', media, 'schema'])) if (!open.has(showPath(at))) open.set(showPath(at), `${op.method} ${op.path} → ${code}`);
            }
          }
        }
        failWith(
          t,
          [...open].map(([at, where]) => `${at} (used by ${where}) allows properties it does not list.`),
          'In this lesson a response object lists every field the server may send, and says so with additionalProperties: false — then a field the server leaks (a password hash, an internal note) fails the contract test instead of going unnoticed:',
        );
      },
    },
    {
      id: 'request-required-fields-match',
      title: 'The fields POST /books documents as required are exactly the ones the server refuses a book without',
      hint: 'The server refuses a book without title or author (400) and accepts one without year: required: ["title", "author"].',
      freshServer: true,
      timeoutMs: 10_000,
      run: async (t: CheckContext) => {
        const doc = await loadDocument(t, { setup: true });
        const { at, shown } = requestSchemaOf(doc);
        const schemas = schemasOf(doc);
        const problems: string[] = [];
        for (const field of BOOK_FIELDS) {
          const { [field]: _left, ...body } = VALID_BOOK;
          const res = await send(t, { method: 'POST', path: '/books', json: body });
          const serverRequires = res.status === 400;
          const { errors } = validateAt(t, schemas, at, body, 'body');
          const docRequires = errors.some((e) => e.keyword === 'required' && (e.params as { missingProperty?: unknown }).missingProperty === field);
          if (serverRequires && !docRequires) problems.push(`The server refuses a book without \`${field}\` (${res.status}), but ${shown} does not require it: add "${field}" to its required list.`);
          if (!serverRequires && docRequires) problems.push(`The server accepts a book without \`${field}\` (${res.status}), but ${shown} requires it: take "${field}" out of its required list.`);
        }
        failWith(t, problems, 'A client builds its form (or its generated types) from `required`: it must match what the server really refuses.');
      },
    },
    {
      id: 'request-field-types-match',
      title: 'The POST /books request schema accepts and refuses the bodies the server accepts and refuses',
      hint: 'title and author: non-empty strings (type: "string", minLength: 1); year: a whole number or null (type: ["integer", "null"]).',
      freshServer: true,
      timeoutMs: 10_000,
      run: async (t: CheckContext) => {
        const doc = await loadDocument(t, { setup: true });
        const { at, shown } = requestSchemaOf(doc);
        const schemas = schemasOf(doc);
        const bodies: unknown[] = [
          VALID_BOOK,
          { ...VALID_BOOK, year: null },
          { ...VALID_BOOK, year: '1871' },
          { ...VALID_BOOK, year: 1871.5 },
          { ...VALID_BOOK, title: '' },
          { ...VALID_BOOK, author: '' },
          { ...VALID_BOOK, title: 42 },
        ];
        const problems: string[] = [];
        for (const body of bodies) {
          const res = await send(t, { method: 'POST', path: '/books', json: body });
          const { lines } = validateAt(t, schemas, at, body, 'body');
          const sent = JSON.stringify(body);
          if (res.status === 201 && lines.length > 0) problems.push(`The server accepts ${sent} (201), but ${shown} refuses it: ${lines.map((l) => l.text).join('; ')}.`);
          if (res.status === 400 && lines.length === 0) problems.push(`The server refuses ${sent} (400), but ${shown} accepts it: state the rule the server applies (a type, minLength: 1…).`);
        }
        failWith(t, problems, 'Clients validate (and generated SDKs type) their requests with this schema: it must describe what the server really accepts.');
      },
    },
  ],
});
