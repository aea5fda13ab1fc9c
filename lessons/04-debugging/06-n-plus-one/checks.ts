import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';
import { describe, queryRows, send } from '../../_support/checks.ts';

interface Listed {
  /** Queries GET /posts ran, from its X-Query-Count header. */
  queries: number;
  posts: unknown[];
}

async function listPosts(t: CheckContext): Promise<Listed> {
  const res = await send(t, { path: '/posts' });
  if (res.status !== 200 || !Array.isArray(res.json)) return t.fail('GET /posts must answer 200 with an array of posts.', { actual: describe(res) });
  const header = res.headers['x-query-count'];
  if (header === undefined) {
    return t.fail('GET /posts has no X-Query-Count header, so the queries cannot be counted. Keep app.use(countQueries) in server.js and run every query through all/get/run from db.js.');
  }
  return { queries: Number(header), posts: res.json };
}

/** What GET /posts must answer, computed from the learner's database. */
async function expectedPosts(t: CheckContext): Promise<unknown[]> {
  const rows = await queryRows(t, 'data.sqlite', 'SELECT posts.id, posts.title, authors.id, authors.name FROM posts JOIN authors ON authors.id = posts.author_id ORDER BY posts.id');
  return rows.map(([id, title, authorId, name]) => ({ id, title, author: { id: authorId, name } }));
}

export default defineChecks({
  checks: [
    {
      id: 'list-unchanged',
      title: 'GET /posts still lists every post with its author',
      hint: 'Keep the response shape: [{ id, title, author: { id, name } }] in id order.',
      timeoutMs: 10000,
      run: async (t) => {
        const { posts } = await listPosts(t);
        t.expectEqual(posts, await expectedPosts(t), 'GET /posts must still answer every post, in id order, as { id, title, author: { id, name } } — the same shape as before your change.');
      },
    },
    {
      id: 'constant-queries',
      title: 'GET /posts runs the same small number of queries, however many posts there are',
      hint: 'Count the [sql #n] lines in the output panel for one GET /posts. One query per post is the N+1 pattern: let the database JOIN posts to authors in a single query.',
      timeoutMs: 10000,
      run: async (t) => {
        const before = await listPosts(t);
        for (const title of ['Added by the check, 1', 'Added by the check, 2', 'Added by the check, 3']) {
          const res = await send(t, { method: 'POST', path: '/posts', json: { title, authorId: 1 } });
          t.expectTrue(res.status === 201, 'POST /posts must keep creating posts (201): the check adds posts to see whether the query count grows.', { actual: describe(res) });
        }
        const after = await listPosts(t);
        t.expectTrue(after.queries === before.queries && after.queries <= 2, `GET /posts ran ${before.queries} queries for ${before.posts.length} posts and ${after.queries} for ${after.posts.length}: one extra query per post (N+1). Fetch posts and their authors together — one query with a JOIN (or two: posts, then all their authors with WHERE id IN (…)).`, {
          expected: 'the same count for both, at most 2',
          actual: `${before.posts.length} posts → ${before.queries} queries; ${after.posts.length} posts → ${after.queries} queries`,
        });
      },
    },
  ],
});
