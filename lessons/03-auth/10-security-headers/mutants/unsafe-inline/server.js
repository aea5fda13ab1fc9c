// A small profile site. Its pages are fine today — the headers decide what a browser does when
// something goes wrong: an injected script, another site framing the page, a mislabelled file.
import express from 'express';

const app = express();

/**
 * The policy, one directive a line. Scripts only from our own origin (no inline script, no
 * eval), nothing from anywhere else, no plugins, no <base> tricks, forms post only to us, and no
 * other site may show our pages in a frame (clickjacking).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Before everything else, so every response carries them: pages, files, errors.
app.use((req, res, next) => {
  res.set({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // Trust the Content-Type: never guess ("sniff") that a text file is a script.
    'X-Content-Type-Options': 'nosniff',
    // Other sites see only our origin, never the full URL (paths and queries can hold secrets).
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  });
  next();
});

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
