/**
 * A JSON value as a collapsible tree (objects and arrays are <details>), pretty-printed, as
 * text only: a response body can hold anything, so nothing here is ever parsed as HTML.
 */
/** Levels open at first; deeper ones start collapsed. */
const OPEN_DEPTH = 2;

export function JsonTree({ value, label }: { value: unknown; label: string }) {
  return (
    <div class="json-tree" role="group" aria-label={label}>
      <JsonNode value={value} depth={0} last />
    </div>
  );
}

function JsonNode({ value, depth, name, last }: { value: unknown; depth: number; name?: string; last: boolean }) {
  const key = name !== undefined ? <span class="json-key">{JSON.stringify(name)}: </span> : null;
  const comma = last ? '' : ',';
  if (value === null || typeof value !== 'object') {
    return (
      <div class="json-line">
        {key}
        <span class={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
        {comma}
      </div>
    );
  }
  const entries: [string | undefined, unknown][] = Array.isArray(value) ? value.map((item) => [undefined, item]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div class="json-line">
        {key}
        {open}
        {close}
        {comma}
      </div>
    );
  }
  const size = Array.isArray(value) ? `${entries.length} ${entries.length === 1 ? 'item' : 'items'}` : `${entries.length} ${entries.length === 1 ? 'key' : 'keys'}`;
  return (
    <details class="json-node" open={depth < OPEN_DEPTH}>
      <summary>
        {key}
        {open}
        <span class="json-size">…{close} {size}</span>
      </summary>
      <div class="json-children">
        {entries.map(([childName, child], index) => (
          <JsonNode key={index} value={child} depth={depth + 1} name={childName} last={index === entries.length - 1} />
        ))}
      </div>
      <div class="json-line">
        {close}
        {comma}
      </div>
    </details>
  );
}

