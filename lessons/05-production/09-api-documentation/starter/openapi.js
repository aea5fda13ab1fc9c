// The OpenAPI 3.1 document of the books API, served at GET /openapi.json.
export const openapi = {
  openapi: '3.1.0',
  info: { title: 'Books API', version: '1.0.0' },
  paths: {
    '/books': {
      get: {
        summary: 'List all books',
        responses: {
          200: {
            description: 'Every book',
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Book' } } } },
          },
        },
      },
      // TODO: post — the request body (NewBook), 201 with the created Book, 400 with an Error.
    },
    // TODO: '/books/{id}' — get, with its path parameter id, 200 with a Book and 404 with an Error.
  },
  components: {
    schemas: {
      Book: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          title: { type: 'string' },
          author: { type: 'string' },
          // TODO: year — a whole number, or null when the book was created without one.
        },
        required: ['id', 'title', 'author', 'year'],
        additionalProperties: false,
      },
      // TODO: NewBook (what POST /books accepts) and Error ({ "error": "…" }).
    },
  },
};
