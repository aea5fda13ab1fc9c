/**
 * A `sql` check: the learner's query against the reference, on the visible dataset and then
 * on the hidden one. A mismatch only on the hidden data means the answer is tailored to the
 * rows the learner can see.
 */
import type { CheckContext, DatasetVariant, SqlCheck } from './define.ts';
import { CheckFailure } from './check-failure.ts';
import { compareResults, hasTopLevelOrderBy } from './sql-compare.ts';

export async function runSqlCheck({ sql }: SqlCheck, t: CheckContext): Promise<void> {
  const options = { ordered: sql.ordered ?? hasTopLevelOrderBy(sql.reference), columnNames: sql.columnNames ?? true };
  const variants: DatasetVariant[] = ['visible', 'hidden'];
  for (const variant of variants) {
    const { result } = await t.runLearnerSql(sql.file, variant);
    const reference = await t.openDataset(variant);
    let expected;
    try {
      expected = reference.exec(sql.reference).at(-1);
    } catch (error) {
      throw new Error(`the reference query does not run: ${error instanceof Error ? error.message : String(error)}`);
    }
    const mismatch = compareResults(result, expected, options);
    if (!mismatch) continue;
    const message =
      variant === 'visible'
        ? mismatch.message
        : `Your query gives the right answer on the sample data but not on a second, hidden dataset, so it seems hard-coded to the visible data. On the hidden data: ${mismatch.message}`;
    throw new CheckFailure(message, { expected: mismatch.expected, actual: mismatch.actual });
  }
}
