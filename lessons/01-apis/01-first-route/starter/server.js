import express from 'express';

const app = express();

// TODO: answer GET /hello with status 200 and the JSON body { "message": "Hello, world!" }.

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
