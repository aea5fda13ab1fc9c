import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSON_JSON_SCHEMA_FILE, lessonJsonSchemaText } from './json-schema.ts';

describe('lessons/lesson.schema.json', () => {
  it('is up to date with src/lessons/schema.ts (run `npm run lessons:schema` if this fails)', () => {
    expect(readFileSync(LESSON_JSON_SCHEMA_FILE, 'utf8')).toBe(lessonJsonSchemaText());
  });

  it('describes what authors write: required fields, kinds, and start as a string', () => {
    const schema = JSON.parse(lessonJsonSchemaText()) as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { type?: string; enum?: string[]; default?: unknown }>;
    };
    expect(schema.required.sort()).toEqual(['focus', 'kind', 'summary', 'title']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.kind?.enum).toEqual(['server', 'sql']);
    expect(schema.properties.start).toMatchObject({ type: 'string', default: 'node server.js' });
  });
});
