/**
 * Types for the two files of @seriousme/openapi-schema-validator the checks import by path (the
 * package's types cover only its entry point, which reads its schemas from disk and so cannot
 * run in the bundled checks module; see schemas.ts). Referenced from schemas.ts, so the lesson
 * type-check (src/lessons/typecheck-checks.ts, which has no resolveJsonModule) sees them too.
 */
declare module '@seriousme/openapi-schema-validator/resolve.js' {
  /** Whether every `$ref` (and `$dynamicRef`) of the document resolves inside it; `errors` names the first that does not. */
  export function checkRefs(tree: unknown): { valid: boolean; errors?: string };
}

declare module '@seriousme/openapi-schema-validator/schemas/v3.1/schema.json' {
  /** The official JSON Schema (2020-12) of OpenAPI 3.1 documents. */
  const schema: Record<string, unknown>;
  export default schema;
}
