/** The API description (OpenAPI 3.1), with shared parameters and responses under components. */
const problem = { $ref: '#/components/responses/Problem' };

export const openapi = {
  openapi: '3.1.1',
  info: { title: 'Orders', version: '2.0' },
  paths: {
    '/products/{productId}': {
      parameters: [{ $ref: '#/components/parameters/ProductId' }],
      get: { responses: { 200: { description: 'Product' }, 404: problem, 502: problem } },
      put: { responses: { 200: { description: 'Updated product' }, 502: problem } },
    },
    '/orders': {
      get: { responses: { 200: { description: 'Orders' }, 304: { description: 'Unchanged' } } },
      post: { responses: { 201: { description: 'Order' }, 400: problem, 422: problem, 502: problem } },
    },
    '/attachments': { post: { responses: { 201: { description: 'Stored' }, 400: problem, 413: problem, 415: problem } } },
    '/attachments/{attachmentId}': {
      get: {
        parameters: [{ name: 'attachmentId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: { 200: { description: 'File' }, 404: problem },
      },
    },
    '/healthz': { get: { responses: { 200: { description: 'Alive' } } } },
    '/readyz': { get: { responses: { 200: { description: 'Ready' }, 503: { description: 'Not ready' } } } },
    '/openapi.json': { get: { responses: { 200: { description: 'This document' } } } },
  },
  components: {
    parameters: { ProductId: { name: 'productId', in: 'path', required: true, schema: { type: 'integer' } } },
    responses: { Problem: { description: 'Error', content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'string' } } } } } } },
  },
};
