/** An error that knows its HTTP status: throw new HttpError(404, 'Order not found'). */
export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}
