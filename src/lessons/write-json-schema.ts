/** `npm run lessons:schema`: regenerates lessons/lesson.schema.json after a change to src/lessons/schema.ts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LESSON_JSON_SCHEMA_FILE, lessonJsonSchemaText } from './json-schema.ts';

const target = fileURLToPath(new URL(`../../${LESSON_JSON_SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, lessonJsonSchemaText());
console.log(`Wrote ${LESSON_JSON_SCHEMA_FILE}`);
