// A small profile site. Its pages are fine today — the headers decide what a browser does when
// something goes wrong: an injected script, another site framing the page, a mislabelled file.
import express from 'express';

const app = express();

// TODO: one middleware, before everything else, that sets on every response:
//   Content-Security-Policy (script-src 'self', frame-ancestors 'none', …)
//   X-Content-Type-Options: nosniff
//   Referrer-Policy: strict-origin-when-cross-origin

app.use(express.static('public'));

const layout = (title, body) => `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>${title}</title>
<nav><a href="/">Profile</a> · <a href="/about">About</a></nav>
<h1>${title}</h1>
${body}
<footer>© <span id="year"></span> Ada's page</footer>
<script>
  // TODO: move this into public/app.js and load it with <script src="/app.js"></script>:
  // the Content-Security-Policy will refuse inline scripts.
  document.getElementById('year').textContent = new Date().getFullYear();
</script>
</html>`;

app.get('/', (req, res) => {
  res.send(layout('Ada Lovelace', '<p>Mathematician. Wrote the first published program.</p>'));
});

app.get('/about', (req, res) => {
  res.send(layout('About', '<p>This page is an exercise in HTTP security headers.</p>'));
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
