/**
 * `lessons/lesson.schema.json`, generated from the zod schema so editors can autocomplete and
 * check lesson.md frontmatter. The schema describes what authors write (zod's input side:
 * `start` is a string there, defaults are optional).
 */
import { z } from 'zod';
import { lessonFrontmatterSchema } from './schema.ts';

export const LESSON_JSON_SCHEMA_FILE = 'lessons/lesson.schema.json';

export function lessonJsonSchemaText(): string {
  const schema = z.toJSONSchema(lessonFrontmatterSchema, { io: 'input', target: 'draft-7' });
  return `${JSON.stringify({ ...schema, title: 'lesson.md frontmatter' }, null, 2)}\n`;
}
