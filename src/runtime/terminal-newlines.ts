/**
 * WebContainer processes write to a pseudo-terminal, which turns every `\n` into `\r\n`.
 * This undoes it so process output reads the same in every runtime (the agent's JSON lines,
 * the learner's logs). A `\r` at the end of a chunk waits for the next one to decide.
 */
export function terminalNewlines(): TransformStream<string, string> {
  let pendingCarriageReturn = false;
  return new TransformStream({
    transform(chunk, controller) {
      let text = (pendingCarriageReturn ? '\r' : '') + chunk;
      pendingCarriageReturn = text.endsWith('\r');
      if (pendingCarriageReturn) text = text.slice(0, -1);
      text = text.replace(/\r\n/g, '\n');
      if (text) controller.enqueue(text);
    },
    flush(controller) {
      if (pendingCarriageReturn) controller.enqueue('\r');
    },
  });
}
