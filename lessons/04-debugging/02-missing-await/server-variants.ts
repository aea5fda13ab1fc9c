/**
 * The two versions of the server the checks run the learner's repro.js against, as `git bisect
 * run` would meet them: the release with the missing await (bad) and a fixed one (good). They
 * are the checks' own copies, not the learner's server.js (which the learner is fixing), and
 * use the workspace's users-repo.js.
 */

function usersServer(handler: string): string {
  return `import express from 'express';
import { findUser } from './users-repo.js';

const app = express();

app.get('/users/:id', ${handler});

app.listen(process.env.PORT ?? 3000);
`;
}

/** The release the bug report is about: findUser became async, its caller did not await it. */
export const BUGGY_SERVER = usersServer(`(req, res) => {
  const user = findUser(Number(req.params.id));
  if (!user) return res.status(404).json({ error: 'no such user' });
  res.json(user);
}`);

/** The same route with the await. */
export const FIXED_SERVER = usersServer(`async (req, res) => {
  const user = await findUser(Number(req.params.id));
  if (!user) return res.status(404).json({ error: 'no such user' });
  res.json(user);
}`);
