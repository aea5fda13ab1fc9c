// The OpenAPI 3.1 document of the books API, served at GET /openapi.json: shared pieces live in
// components and are used by $ref.
export const openapi = {
  openapi: '3.1.1',
  info: { title: 'Books API', version: '1.0.0' },
  tags: [{ name: 'books' }],
  paths: {
    '/books': {
      get: {
        tags: ['books'],
        responses: {
          '200': {
            description: 'Every book',
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Book' } } } },
          },
        },
      },
      post: {
        tags: ['books'],
        requestBody: { $ref: '#/components/requestBodies/NewBook' },
        responses: {
          '201': {
            description: 'The created book',
            headers: {},
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
        },
      },
    },
    '/books/{id}': {
      parameters: [{ $ref: '#/components/parameters/BookId' }],
      get: {
        tags: ['books'],
        responses: {
          '200': {
            description: 'The book',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } },
          },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
  },
  components: {
    parameters: {
      BookId: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
    },
    requestBodies: {
      NewBook: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewBook' } } } },
    },
    responses: {
      BadRequest: { description: 'Not a valid new book', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      NotFound: { description: 'No book has this id', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    },
    schemas: {
      NewBook: {
        type: 'object',
        required: ['title', 'author'],
        properties: {
          title: { type: 'string', minLength: 1 },
          author: { type: 'string', minLength: 1 },
          year: { type: ['integer', 'null'], description: 'Leave it out (or send null) when unknown.' },
        },
      },
      Book: {
        allOf: [
          { $ref: '#/components/schemas/NewBook' },
          { type: 'object', required: ['id', 'year'], properties: { id: { type: 'integer' } } },
        ],
        unevaluatedProperties: false,
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'string', description: 'What was wrong, for people.' } },
        additionalProperties: false,
      },
    },
  },
};
