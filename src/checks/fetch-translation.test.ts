import { describe, expect, it } from 'vitest';
import { requestInit, requestUrl } from './fetch-translation.ts';

describe('requestInit', () => {
  it('sends multipart/form-data with text fields and files (text and base64), boundary set by fetch', async () => {
    const init = requestInit({
      method: 'POST',
      path: '/upload',
      headers: { 'X-Trace': '1' },
      multipart: {
        title: 'Holiday',
        photo: { filename: 'cat.png', contentType: 'image/png', base64: 'iVBORw0=' },
        notes: [{ filename: 'a.txt', text: 'hello' }, 'plain'],
      },
    });
    expect(init.headers).toEqual({ 'x-trace': '1' });
    const request = new Request(requestUrl('http://127.0.0.1:3000', { path: '/upload' }), init);
    expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request.formData();
    expect(form.get('title')).toBe('Holiday');
    const photo = form.get('photo') as File;
    expect([photo.name, photo.type, [...new Uint8Array(await photo.arrayBuffer())]]).toEqual(['cat.png', 'image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d]]);
    const notes = form.getAll('notes');
    expect(await (notes[0] as File).text()).toBe('hello');
    expect((notes[0] as File).type).toBe('application/octet-stream');
    expect(notes[1]).toBe('plain');
  });

  it('sends JSON, forms and raw bodies as before, and no body on GET', () => {
    expect(requestInit({ method: 'POST', path: '/', json: { a: 1 } })).toMatchObject({ headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(requestInit({ method: 'POST', path: '/', form: { a: 'b c' } })).toMatchObject({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b+c' });
    expect(requestInit({ path: '/', body: 'ignored' }).body).toBeUndefined();
  });
});
