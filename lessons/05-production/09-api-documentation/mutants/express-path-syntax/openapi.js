// The OpenAPI 3.1 document of the books API, served at GET /openapi.json.
const errorResponse = (description) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

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
      post: {
        summary: 'Add a book',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NewBook' } } },
        },
        responses: {
          201: {
            description: 'The created book',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } },
          },
          400: errorResponse('The body is not a valid new book'),
        },
      },
    },
    '/books/:id': {
      get: {
        summary: 'Read one book',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          200: {
            description: 'The book',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } },
          },
          404: errorResponse('No book has this id'),
        },
      },
    },
  },
  components: {
    schemas: {
      Book: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          title: { type: 'string' },
          author: { type: 'string' },
          year: { type: ['integer', 'null'] },
        },
        required: ['id', 'title', 'author', 'year'],
        additionalProperties: false,
      },
      NewBook: {
        type: 'object',
        properties: {
          title: { type: 'string', minLength: 1 },
          author: { type: 'string', minLength: 1 },
          year: { type: ['integer', 'null'] },
        },
        required: ['title', 'author'],
      },
      Error: {
        type: 'object',
        properties: { error: { type: 'string' } },
        required: ['error'],
        additionalProperties: false,
      },
    },
  },
};
