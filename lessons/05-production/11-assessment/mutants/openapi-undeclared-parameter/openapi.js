/** The OpenAPI 3.1 description of this service, served at GET /openapi.json. */
const error = { description: 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const json = (description, ref) => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const productId = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

export const openapi = {
  openapi: '3.1.0',
  info: { title: 'Orders service', version: '1.0.0' },
  paths: {
    '/products/{id}': {
      get: {
        summary: 'A product from the catalog (kept for 60 seconds)',
        parameters: [productId],
        responses: { 200: json('The product', 'Product'), 404: error, 502: error },
      },
      put: {
        summary: 'Change a product in the catalog',
        parameters: [productId],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ProductFields' } } } },
        responses: { 200: json('The changed product', 'Product'), 502: error },
      },
    },
    '/orders': {
      get: {
        summary: 'Every order, oldest first',
        parameters: [{ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The orders', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Order' } } } } },
          304: { description: 'Not modified: the ETag in If-None-Match is current' },
        },
      },
      post: {
        summary: 'Order a product (reserves the stock)',
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 1 } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderRequest' } } } },
        responses: { 201: json('The new order (or, for a repeated key, the same one again)', 'Order'), 400: error, 422: error, 502: error },
      },
    },
    '/attachments': {
      post: {
        summary: 'Upload a PNG image or a PDF document of at most 1 MiB',
        requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } }, required: ['file'] } } } },
        responses: { 201: json('The stored attachment', 'Attachment'), 400: error, 413: error, 415: error },
      },
    },
    '/attachments/{id}': {
      get: {
        summary: 'The bytes of an attachment',
        responses: {
          200: { description: 'The file', content: { 'image/png': {}, 'application/pdf': {} } },
          404: error,
        },
      },
    },
    '/healthz': { get: { summary: 'Liveness', responses: { 200: { description: 'The process runs' } } } },
    '/readyz': { get: { summary: 'Readiness', responses: { 200: { description: 'The database answers' }, 503: { description: 'The database does not answer' } } } },
  },
  components: {
    schemas: {
      Error: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] },
      Product: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, priceCents: { type: 'integer' } }, required: ['id', 'name', 'priceCents'] },
      ProductFields: { type: 'object', properties: { name: { type: 'string' }, priceCents: { type: 'integer', minimum: 0 } } },
      OrderRequest: { type: 'object', properties: { productId: { type: 'integer', minimum: 1 }, quantity: { type: 'integer', minimum: 1, maximum: 100 } }, required: ['productId', 'quantity'] },
      Order: { type: 'object', properties: { id: { type: 'integer' }, productId: { type: 'integer' }, quantity: { type: 'integer' }, reservationId: { type: 'string' } }, required: ['id', 'productId', 'quantity', 'reservationId'] },
      Attachment: { type: 'object', properties: { id: { type: 'string' }, size: { type: 'integer' }, contentType: { enum: ['image/png', 'application/pdf'] } }, required: ['id', 'size', 'contentType'] },
    },
  },
};
