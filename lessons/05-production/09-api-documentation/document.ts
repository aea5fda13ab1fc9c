/**
 * Reading the learner's OpenAPI document: fetching it, naming places in it the way the learner
 * wrote them (`paths["/books/{id}"].get.responses["404"]`, which is also how they appear in a
 * JavaScript object), following internal `$ref`s, and finding the operation that documents a
 * concrete request. Used by this lesson's checks only.
 */
import type { CheckContext, HttpMethod } from '../../../src/checks/define.ts';
import { CheckFailure } from '../../../src/checks/check-failure.ts';
import { describe, send } from '../../_support/checks.ts';

export type JsonObject = Record<string, unknown>;
/** A place in the document: the keys (and array indexes) from its root. */
export type Location = (string | number)[];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * `['paths', '/books/{id}', 'get']` → `paths["/books/{id}"].get`; the root is `(the document)`.
 * Given the document, a key into an array is shown as an index (`parameters[0]`, not `["0"]`).
 */
export function showPath(location: Location, root?: unknown): string {
  if (location.length === 0) return '(the document)';
  return location
    .map((key, index) => {
      if (typeof key === 'number' || (root !== undefined && Array.isArray(valueAt(root, location.slice(0, index))))) return `[${key}]`;
      if (IDENTIFIER.test(key)) return index === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}

/** A JSON Pointer (`/paths/~1books/get`, as ajv reports places) → a location. */
export function fromPointer(pointer: string): Location {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A location → JSON Pointer, for ajv `$ref`s into the document. */
export function toPointer(location: Location): string {
  return location.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function valueAt(root: unknown, location: Location): unknown {
  let value = root;
  for (const key of location) {
    if (Array.isArray(value) && typeof key === 'number') value = value[key];
    else if (isObject(value)) value = value[String(key)];
    else return undefined;
  }
  return value;
}

/** Where an internal `$ref` (`#/components/schemas/Book`) points, or undefined for any other reference. */
export function refTarget(ref: unknown): Location | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  return fromPointer(ref.slice(1));
}

/**
 * Where a place seen through `$ref`s is really written: ajv names a keyword by the path it
 * took (`…/201/content/application~1json/schema/properties/year`, through the `$ref` to Book);
 * the learner must be sent to `components.schemas.Book.properties.year`.
 */
export function writtenAt(doc: JsonObject, location: Location): Location {
  let at: Location = [];
  for (const key of location) {
    for (let hops = 0; hops < 10; hops++) {
      const value = valueAt(doc, at);
      const next = isObject(value) && !(String(key) in value) ? refTarget(value.$ref) : undefined;
      if (!next) break;
      at = next;
    }
    at = [...at, key];
  }
  return at;
}

/**
 * The object at `location`, following `$ref`s (Reference Objects: responses, request bodies,
 * parameters) to where it is really written. A broken or external `$ref` gives undefined; the
 * document check reports those.
 */
export function resolve(doc: JsonObject, location: Location): { value: JsonObject; location: Location } | undefined {
  let at = location;
  for (let hops = 0; hops < 10; hops++) {
    const value = valueAt(doc, at);
    if (!isObject(value)) return undefined;
    if (value.$ref === undefined) return { value, location: at };
    const next = refTarget(value.$ref);
    if (!next) return undefined;
    at = next;
  }
  return undefined;
}

/**
 * GET /openapi.json as a JSON object. `setup`: for the checks that grade something else, a
 * missing document means "could not test this yet", not a second diagnosis of the same mistake.
 */
export async function loadDocument(t: CheckContext, options: { setup: boolean }): Promise<JsonObject> {
  const res = await send(t, { path: '/openapi.json' });
  if (res.status === 200 && isObject(res.json)) return res.json;
  const message = 'GET /openapi.json must answer 200 with the OpenAPI document as a JSON object: keep `res.json(openapi)` in server.js and export the document from openapi.js.';
  if (options.setup) throw new CheckFailure(message, { expected: '200 {"openapi":"3.1.0",…}', actual: describe(res), kind: 'setup' });
  return t.fail(message, { expected: '200 {"openapi":"3.1.0",…}', actual: describe(res) });
}

/** The methods an OpenAPI 3.1 Path Item may document, in the document's (lower) case. */
export const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Operation {
  /** The path as the document writes it: `/books/{id}`. */
  path: string;
  /** Upper case, as sent: `GET`. */
  method: string;
  location: Location;
  value: JsonObject;
}

export function operations(doc: JsonObject): Operation[] {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of OPERATION_METHODS) {
      const value = item[method];
      if (isObject(value)) found.push({ path, method: method.toUpperCase(), location: ['paths', path, method], value });
    }
  }
  return found;
}

function templateMatches(template: string, path: string): boolean {
  const parts = template.split(/\{[^}/]+\}/);
  const pattern = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}

/**
 * The operation documenting `method path` (a concrete path such as `/books/1`). A literal path
 * wins over a templated one, as the OpenAPI specification says.
 */
export function findOperation(doc: JsonObject, method: string, path: string): Operation | undefined {
  const candidates = operations(doc).filter((op) => op.method === method.toUpperCase() && templateMatches(op.path, path));
  return candidates.find((op) => op.path === path) ?? candidates[0];
}

/** `/books/{id}` with every template variable filled in with `1`: a path the books API knows. */
export function concretePath(template: string): string {
  return template.replace(/\{[^}/]+\}/g, '1');
}

/** The request `t.request` can send for a documented method (fetch cannot send TRACE). */
export function sendableMethod(method: string): HttpMethod | undefined {
  const sendable: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
  return sendable.find((m) => m === method);
}
