/**
 * The one way every layer turns a caught value into a sentence. Neutral on purpose: it imports
 * nothing, so the page, the agent, the engine and Node-only code may all use it.
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
