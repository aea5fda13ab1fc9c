import express from 'express';

const app = express();

// TODO: a middleware that logs one line per request, like "GET /status", then calls next().

// TODO: parse JSON request bodies, so that req.body is filled in for POST /echo.

app.get('/status', (req, res) => {
  res.json({ status: 'ok' });
});

// Answers the JSON body it received, wrapped in { received: … }.
app.post('/echo', (req, res) => {
  res.json({ received: req.body });
});

// TODO: answer every request that no route above answered with
//       404 and { "error": "Not found", "path": <the request path> }.

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
