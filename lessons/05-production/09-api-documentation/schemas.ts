/// <reference path="./openapi-validator.d.ts" />
/**
 * JSON Schema work for this lesson's checks, with ajv (the 2020-12 dialect, which OpenAPI 3.1
 * Schema Objects use): the document against the official OpenAPI 3.1 schema, the learner's
 * Schema Objects against the JSON Schema meta-schema, and the server's real bodies against the
 * schemas the document gives them.
 *
 * Why not `new Validator()` from @seriousme/openapi-schema-validator: its entry point reads its
 * schemas from disk next to itself (node:fs + import.meta.url) and imports ajv-formats and
 * ajv-draft-04 by bare name, none of which survives bundling into the checks module (esbuild,
 * platform neutral). For 3.1 documents it does exactly this: ajv 2020 on schemas/v3.1/schema.json,
 * then `checkRefs` from resolve.js — both imported here by path. The one difference: no
 * ajv-formats (not a direct dependency), so `format` keywords are not asserted.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import oas31Schema from '@seriousme/openapi-schema-validator/schemas/v3.1/schema.json' with { type: 'json' };
import { checkRefs } from '@seriousme/openapi-schema-validator/resolve.js';
import { fromPointer, isObject, refTarget, resolve, showPath, toPointer, valueAt, writtenAt, type JsonObject, type Location } from './document.ts';

/** As the validator sets them: OpenAPI documents trip ajv's strict mode (unknown keywords such as `example`). */
const AJV_OPTIONS = { strict: false, allErrors: true, validateFormats: false } as const;

let oasValidator: ValidateFunction | undefined;

/**
 * Against the OpenAPI schema, ajv reports one mistake many times: the keyword that failed in
 * every `oneOf` branch (a Reference Object or the real thing…), then each `oneOf`/`if` around
 * it. Keep the deepest places and one error per place, so the learner reads the cause.
 */
function documentCauses(errors: ErrorObject[]): ErrorObject[] {
  const deepest = errors.filter((e) => !errors.some((other) => other.instancePath.startsWith(`${e.instancePath}/`)));
  const seen = new Set<string>();
  return deepest.filter((e) => !seen.has(e.instancePath) && seen.add(e.instancePath));
}

const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'not']);

/** Against a response or request schema every error is its own mistake; only the combinator summaries repeat them. */
function valueCauses(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !COMBINATORS.has(e.keyword));
  return specific.length > 0 ? specific : errors;
}

function explain(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `needs \`${String(params.missingProperty)}\``;
  if (error.keyword === 'additionalProperties') return `has \`${String(params.additionalProperty)}\`, which is not allowed there`;
  if (error.keyword === 'unevaluatedProperties') return `has \`${String(params.unevaluatedProperty)}\`, which is not allowed there (a misspelt key?)`;
  if (error.keyword === 'enum') return `must be one of ${JSON.stringify(params.allowedValues)}`;
  return error.message ?? error.keyword;
}

/** Problems with the document as OpenAPI 3.1, each starting with the place it is at. */
export function documentProblems(doc: JsonObject): string[] {
  const version = doc.openapi;
  const versionOk = typeof version === 'string' && /^3\.1\.\d+(-.+)?$/.test(version);
  const problems = versionOk ? [] : [`openapi is ${JSON.stringify(version)}: write the version of the OpenAPI specification the document follows in full: "3.1.0" (this lesson uses 3.1; "3.1" alone is not a version).`];
  oasValidator ??= new Ajv2020(AJV_OPTIONS).compile(oas31Schema);
  if (!oasValidator(doc)) {
    const causes = documentCauses(oasValidator.errors ?? []).filter((e) => e.instancePath !== '/openapi');
    return [...problems, ...causes.slice(0, 5).map((e) => `${showPath(fromPointer(e.instancePath), doc)} ${explain(e)}.`)];
  }
  if (problems.length > 0) return problems;
  const refs = checkRefs(doc);
  if (!refs.valid) return [`${refs.errors ?? 'a $ref does not resolve'}: every $ref must point at something in this document, such as "#/components/schemas/Book".`];
  return [...schemaObjectProblems(doc), ...pathParameterProblems(doc)];
}

/** Every place the document holds a Schema Object (not the schemas nested in them). */
function schemaLocations(doc: JsonObject): Location[] {
  const found: Location[] = [];
  const inContent = (at: Location) => {
    const content = valueAt(doc, [...at, 'content']);
    if (isObject(content)) for (const media of Object.keys(content)) if (valueAt(doc, [...at, 'content', media, 'schema']) !== undefined) found.push([...at, 'content', media, 'schema']);
  };
  const inParameters = (at: Location) => {
    const list = valueAt(doc, at);
    if (Array.isArray(list)) list.forEach((p, i) => isObject(p) && p.schema !== undefined && found.push([...at, i, 'schema']));
  };
  const inOperation = (at: Location) => {
    inParameters([...at, 'parameters']);
    inContent([...at, 'requestBody']);
    const responses = valueAt(doc, [...at, 'responses']);
    if (isObject(responses)) for (const code of Object.keys(responses)) inContent([...at, 'responses', code]);
  };
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    inParameters(['paths', path, 'parameters']);
    for (const key of Object.keys(item)) if (isObject(item[key]) && key !== 'parameters') inOperation(['paths', path, key]);
  }
  const components = isObject(doc.components) ? doc.components : {};
  for (const name of Object.keys(isObject(components.schemas) ? components.schemas : {})) found.push(['components', 'schemas', name]);
  for (const name of Object.keys(isObject(components.responses) ? components.responses : {})) inContent(['components', 'responses', name]);
  for (const name of Object.keys(isObject(components.requestBodies) ? components.requestBodies : {})) inContent(['components', 'requestBodies', name]);
  return found;
}

/** OpenAPI 3.1 Schema Objects are JSON Schema 2020-12: `type: "int"` is not one. */
function schemaObjectProblems(doc: JsonObject): string[] {
  const ajv = new Ajv2020(AJV_OPTIONS);
  const problems: string[] = [];
  for (const at of schemaLocations(doc)) {
    const schema = valueAt(doc, at);
    if (typeof schema === 'boolean') continue;
    if (ajv.validateSchema(schema as JsonObject)) continue;
    for (const e of documentCauses(ajv.errors ?? []).slice(0, 3)) problems.push(`${showPath([...at, ...fromPointer(e.instancePath)], doc)} ${explain(e)} (a Schema Object is JSON Schema 2020-12).`);
  }
  return problems;
}

/** Each `{name}` of a path needs a parameter `in: path` of that name, and each such parameter a `{name}` (OpenAPI 3.1, Path Templating). */
function pathParameterProblems(doc: JsonObject): string[] {
  const problems: string[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  const pathParameters = (at: Location): string[] => {
    const list = valueAt(doc, at);
    if (!Array.isArray(list)) return [];
    return list.flatMap((p) => {
      const param = isObject(p) && typeof p.$ref === 'string' ? valueAt(doc, refTarget(p.$ref) ?? []) : p;
      return isObject(param) && param.in === 'path' && typeof param.name === 'string' ? [param.name] : [];
    });
  };
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const variables = [...path.matchAll(/\{([^}/]+)\}/g)].map((m) => m[1] ?? '');
    const shared = pathParameters(['paths', path, 'parameters']);
    for (const key of Object.keys(item)) {
      if (key === 'parameters' || !isObject(item[key])) continue;
      const declared = [...shared, ...pathParameters(['paths', path, key, 'parameters'])];
      const at = showPath(['paths', path, key, 'parameters']);
      for (const name of variables) if (!declared.includes(name)) problems.push(`${at} must declare the path parameter {${name}}: { name: '${name}', in: 'path', required: true, schema: { … } }.`);
      for (const name of declared) if (!variables.includes(name)) problems.push(`${at} declares a path parameter \`${name}\`, but the path ${JSON.stringify(path)} has no {${name}} (OpenAPI writes Express's :${name} as {${name}}).`);
    }
  }
  return problems;
}

/**
 * A copy of the document (ajv annotates what it is given) without OpenAPI 3.0's `nullable`.
 * ajv honours `nullable: true` even in 2020-12 mode, but in a 3.1 document it is no keyword
 * (`type: ['integer', 'null']` says it), so 3.1 tools ignore it — and so must these checks.
 * Only boolean values go: a property *named* nullable holds a schema object.
 */
function withoutNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullable);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key, v]) => !(key === 'nullable' && typeof v === 'boolean')).map(([key, v]) => [key, withoutNullable(v)]));
}

/** Validates values against Schema Objects of one document; internal `$ref`s resolve inside it. */
export class DocumentSchemas {
  private readonly ajv = new Ajv2020(AJV_OPTIONS);
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly doc: JsonObject) {
    this.ajv.addSchema(withoutNullable(doc) as JsonObject, 'openapi.json');
  }

  /**
   * The mismatches of `value` against the schema at `at`: the raw errors, and one line per
   * mistake ("body.year must be integer (components.schemas.Book.properties.year)") with a `key`
   * that is the same for the same mistake in another body or another item of a list. A schema
   * ajv cannot compile throws.
   */
  problems(at: Location, value: unknown, valueName: string): { errors: ErrorObject[]; lines: { key: string; text: string }[] } {
    const pointer = toPointer(at);
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi.json#${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (validate(value)) return { errors: [], lines: [] };
    const errors = valueCauses(validate.errors ?? []);
    const seen = new Set<string>();
    const lines: { key: string; text: string }[] = [];
    for (const e of errors) {
      const segments = fromPointer(e.instancePath);
      const where = [valueName, ...segments.map((k) => (/^\d+$/.test(String(k)) ? `[${k}]` : `.${k}`))].join('');
      // Through a `$ref` to where the keyword is written: components.schemas.Book, not the response that uses it.
      const path = writtenAt(this.doc, fromPointer(e.schemaPath.replace(/^[^#]*#/, '')).slice(0, -1));
      const schemaAt = showPath(resolve(this.doc, path)?.location ?? path, this.doc);
      const key = `${segments.map((k) => (/^\d+$/.test(String(k)) ? '#' : k)).join('/')}|${schemaAt}|${explain(e)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push({ key, text: `${where} ${explain(e)} (${schemaAt})` });
    }
    return { errors, lines };
  }
}

/**
 * Object schemas reachable from `at` that let undocumented properties through: neither
 * `additionalProperties: false` nor `unevaluatedProperties: false` — unless the schema lists no
 * fields and says what any key holds (`additionalProperties: true` or a schema: a map). A part
 * of an `allOf`/`anyOf`/`oneOf` (or a `$ref` next to other keywords) is closed by its parent's
 * `unevaluatedProperties: false`, which sees the properties of every part — the way to close a
 * composed schema.
 */
export function openObjectSchemas(doc: JsonObject, at: Location): Location[] {
  const open: Location[] = [];
  const seen = new Set<string>();
  const visit = (location: Location, closedByParent: boolean): void => {
    const key = `${toPointer(location)}|${closedByParent}`;
    if (seen.has(key)) return;
    seen.add(key);
    const schema = valueAt(doc, location);
    if (!isObject(schema)) return;
    const closesParts = closedByParent || schema.unevaluatedProperties === false;
    const ref = refTarget(schema.$ref);
    if (ref) visit(ref, closesParts);
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const describesObject = isObject(schema.properties) || types.includes('object');
    const closed = closedByParent || schema.additionalProperties === false || schema.unevaluatedProperties === false;
    // A map (no listed fields, a schema for any key's value) says on purpose that any key may come.
    const freeForm = !isObject(schema.properties) && (schema.additionalProperties !== undefined || schema.unevaluatedProperties !== undefined);
    if (describesObject && !closed && !freeForm) open.push(location);
    if (isObject(schema.properties)) for (const name of Object.keys(schema.properties)) visit([...location, 'properties', name], false);
    if (schema.items !== undefined) visit([...location, 'items'], false);
    if (Array.isArray(schema.prefixItems)) schema.prefixItems.forEach((_, i) => visit([...location, 'prefixItems', i], false));
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const parts = schema[keyword];
      if (Array.isArray(parts)) parts.forEach((_, i) => visit([...location, keyword, i], closesParts));
    }
  };
  visit(at, false);
  return open;
}
