// A guestbook: visitors leave a message, everyone sees the list, and a search box finds
// messages. Pages are HTML built from template strings, the visitors' text escaped.
import express from 'express';
import { escapeHtml } from './html.js';

const app = express();
// Forms post application/x-www-form-urlencoded bodies.
app.use(express.urlencoded({ extended: false }));

/** The messages, newest last: { name, text }. In memory: a restart empties the guestbook. */
const messages = [{ name: 'Ada', text: 'First! Lovely site.' }];

const layout = (title, body) => `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>${title}</title>
<h1>${title}</h1>
${body}
</html>`;

// Every piece of user text goes through escapeHtml, between tags and in attributes alike.
const messageList = (list) => `<ul>${list.map((m) => `<li><b>${m.name}</b>: ${escapeHtml(m.text)}</li>`).join('')}</ul>`;

app.get('/', (req, res) => {
  res.send(
    layout(
      'Guestbook',
      `${messageList(messages)}
<form method="post" action="/messages">
  <label>Name <input name="name"></label>
  <label>Message <input name="text"></label>
  <button>Sign</button>
</form>
<form method="get" action="/search"><input name="q"> <button>Search</button></form>`,
    ),
  );
});

app.post('/messages', (req, res) => {
  const name = String(req.body?.name ?? '').trim();
  const text = String(req.body?.text ?? '').trim();
  if (name === '' || text === '') return res.status(400).send(layout('Guestbook', '<p>Name and message are both required.</p>'));
  messages.push({ name, text });
  // 303 See Other: the browser follows with a GET, so a reload does not post twice.
  res.redirect(303, '/');
});

app.get('/search', (req, res) => {
  const q = String(req.query.q ?? '');
  const found = messages.filter((m) => m.text.toLowerCase().includes(q.toLowerCase()));
  res.send(
    layout(
      'Search',
      `<form method="get" action="/search"><input name="q" value="${escapeHtml(q)}"> <button>Search</button></form>
<p>Results for ${escapeHtml(q)}:</p>
${messageList(found)}`,
    ),
  );
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
