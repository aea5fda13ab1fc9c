// A small profile site. Its pages are fine today — the headers decide what a browser does when
// something goes wrong: an injected script, another site framing the page, a mislabelled file.
import { randomBytes } from 'node:crypto';
import express from 'express';

const app = express();

// A nonce-based policy: a fresh random nonce per response, and only <script> tags carrying it
// run ('strict-dynamic' lets them load what they need). Inline code is fine when it has the nonce.
app.use((req, res, next) => {
  res.locals.nonce = randomBytes(16).toString('base64');
  res.setHeader(
    'Content-Security-Policy',
    `script-src 'nonce-${res.locals.nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
});

app.use(express.static('public'));

const layout = (nonce, title, body) => `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>${title}</title>
<nav><a href="/">Profile</a> · <a href="/about">About</a></nav>
<h1>${title}</h1>
${body}
<footer>© <span id="year"></span> Ada's page</footer>
<script nonce="${nonce}">
  document.getElementById('year').textContent = new Date().getFullYear();
</script>
</html>`;

app.get('/', (req, res) => {
  res.send(layout(res.locals.nonce, 'Ada Lovelace', '<p>Mathematician. Wrote the first published program.</p>'));
});

app.get('/about', (req, res) => {
  res.send(layout(res.locals.nonce, 'About', '<p>This page is an exercise in HTTP security headers.</p>'));
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
