/**
 * A `sql` check: the learner's query against the reference, on the visible dataset and then
 * on the hidden one, each copy first given the check's `setup` SQL (ties, boundary rows). A
 * mismatch only on the hidden data means the query relies on something true only of the rows
 * the learner can see — a hard-coded id, or a missing tie-break — so the message says what
 * differs there rather than guessing which.
 */
import type { CheckContext, DatasetVariant, SqlCheck } from './define.ts';
import { CheckFailure } from './check-failure.ts';
import { compareResults, hasTopLevelOrderBy } from './sql-compare.ts';
import { lastResult, runSetup } from './sql-script.ts';
import { errorText } from '../shared/error-text.ts';

export async function runSqlCheck({ sql }: SqlCheck, t: CheckContext): Promise<void> {
  const options = { ordered: sql.ordered ?? hasTopLevelOrderBy(sql.reference), columnNames: sql.columnNames ?? true };
  const setup = sql.setup !== undefined ? { setup: sql.setup } : {};
  const variants: DatasetVariant[] = ['visible', 'hidden'];
  for (const variant of variants) {
    const { result } = await t.runLearnerSql(sql.file, variant, setup);
    if (result === undefined) throw new CheckFailure(`${sql.file} has no statement that returns a result. End it with the SELECT that answers the question.`);
    const reference = await t.openDataset(variant);
    if (sql.setup !== undefined) runSetup(reference, sql.setup);
    let expected;
    try {
      expected = lastResult(reference.execScript(sql.reference));
    } catch (error) {
      throw new Error(`the reference query does not run: ${errorText(error)}`);
    }
    const mismatch = compareResults(result, expected, options);
    if (!mismatch) continue;
    const message =
      variant === 'visible'
        ? mismatch.message
        : `Your query is right on the sample data but not on a second, hidden dataset with the same tables and different rows. There: ${mismatch.message} Your query depends on something true only of the visible data — for example a hard-coded id or value, or a missing tie-break in ORDER BY.`;
    throw new CheckFailure(message, { expected: mismatch.expected, actual: mismatch.actual });
  }
}
