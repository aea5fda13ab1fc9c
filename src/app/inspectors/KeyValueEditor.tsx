/** Editable name/value rows (headers, query parameters, form fields), each with an on/off box. */
import type { KeyValue } from './http-request-draft.ts';

export interface KeyValueEditorProps {
  /** What a row is, for accessible names: "Header", "Query parameter", "Form field". */
  noun: string;
  rows: KeyValue[];
  onChange(rows: KeyValue[]): void;
}

export function KeyValueEditor({ noun, rows, onChange }: KeyValueEditorProps) {
  const change = (index: number, patch: Partial<KeyValue>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div class="kv-editor">
      {rows.map((row, index) => (
        <div class="kv-row" key={index}>
          <input type="checkbox" checked={row.enabled} aria-label={`Send ${noun.toLowerCase()} ${index + 1}`} onChange={(event) => change(index, { enabled: event.currentTarget.checked })} />
          <input type="text" value={row.name} placeholder="name" aria-label={`${noun} ${index + 1} name`} onInput={(event) => change(index, { name: event.currentTarget.value })} />
          <input type="text" value={row.value} placeholder="value" aria-label={`${noun} ${index + 1} value`} onInput={(event) => change(index, { value: event.currentTarget.value })} />
          <button type="button" class="small" aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" class="small" onClick={() => onChange([...rows, { name: '', value: '', enabled: true }])}>
        Add {noun.toLowerCase()}
      </button>
    </div>
  );
}
