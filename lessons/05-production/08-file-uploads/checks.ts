/**
 * File uploads: multipart parsing, a size limit graded on both sides, types judged by the
 * file's bytes, server-made storage names, and safe downloads. The request side is exact
 * (multipart parts carry bytes as base64); the response side is text only (`HttpResponse` has
 * no bytes), so a download is compared as the UTF-8 text of the expected bytes *and* by its
 * Content-Length when one is sent — a server that turns the bytes into text and back changes
 * the length. What a refused upload left on disk is read by running the lesson's own
 * `disk-usage.js` (the check API cannot list a folder).
 */
import { bytesToBase64, defineChecks, type CheckContext, type HttpResponse, type MultipartPart } from '../../../src/checks/define.ts';
import { CheckFailure } from '../../../src/checks/check-failure.ts';
import { body, describe, send, uniqueName } from '../../_support/checks.ts';

const MIB = 1024 * 1024;
/** Time limits far above what a correct server needs (well under a second per request), for a busy 2-core CI machine. */
const SMALL_FILES_MS = 15_000;
const MEGABYTE_MS = 60_000;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_START = [0xff, 0xd8, 0xff, 0xe0];
/** Bytes that are not UTF-8 (a text round trip turns each into three), NUL, and a line that looks like a multipart boundary. */
const AWKWARD_BYTES = [0x00, 0xfe, 0xff, 0x80, 0x0d, 0x0a];
const AWKWARD_TEXT = '\r\n--boundary\r\nContent-Disposition: form-data; name="file"\r\n\r\ncafé € 😀\n';

/** `head` bytes, then `text` as UTF-8, then `A`s up to `size` bytes when given. */
function fileBytes(head: number[], text: string, size?: number): Uint8Array {
  const encoded = new TextEncoder().encode(text);
  const bytes = new Uint8Array(size ?? head.length + encoded.length).fill(0x41);
  bytes.set(head);
  bytes.set(encoded.subarray(0, bytes.length - head.length), head.length);
  return bytes;
}

/** POST /files with `bytes` in the `file` field, labelled with `contentType`. */
function upload(t: CheckContext, bytes: Uint8Array, filename: string, contentType = 'image/png'): Promise<HttpResponse> {
  const file: MultipartPart = { filename, contentType, base64: bytesToBase64(bytes) };
  return send(t, { method: 'POST', path: '/files', multipart: { file } });
}

interface Listed {
  id: unknown;
  name: unknown;
  size: unknown;
  type: unknown;
}

/** A PNG upload this check needs before it can test its rule: anything but 201 with an id is a setup failure. */
async function uploaded(t: CheckContext, bytes: Uint8Array, filename: string): Promise<Listed> {
  const res = await upload(t, bytes, filename);
  const created = body(res);
  if (res.status !== 201 || created.id === undefined || created.id === null) {
    throw new CheckFailure(`this check first uploads a valid PNG (${bytes.length} bytes, named ${JSON.stringify(filename)}), and POST /files must answer 201 with its id. Make a PNG upload answer 201 first (the check upload-answers-201).`, {
      expected: '201 {"id":…,"name":…,"size":…,"type":…}',
      actual: describe(res),
      kind: 'setup',
    });
  }
  return { id: created.id, name: created.name, size: created.size, type: created.type };
}

function filePath(id: unknown): string {
  return `/files/${encodeURIComponent(String(id))}`;
}

/** GET /files as a list; fails the check when it is not a JSON array. */
async function listing(t: CheckContext): Promise<Listed[]> {
  const res = await send(t, { path: '/files' });
  if (res.status !== 200 || !Array.isArray(res.json)) {
    return t.fail('GET /files must answer 200 with a JSON array of { id, name, size, type }: keep the given route.', { actual: describe(res) });
  }
  return res.json as Listed[];
}

function listedAs(list: Listed[], id: unknown): Listed | undefined {
  return list.find((item) => item.id === id);
}

/** The usual cause of a download that differs from the upload. */
const STREAM_IT = 'stream the stored file (res.sendFile or fs.createReadStream), never turn it into a string (that rewrites every byte that is not UTF-8)';

/**
 * Fails unless the download is 200 with the type and exactly these bytes (as text, and by
 * Content-Length when sent). `advice` is what to do when the bytes differ.
 */
function expectBytes(t: CheckContext, res: HttpResponse, bytes: Uint8Array, type: string, what: string, advice = STREAM_IT): void {
  t.expectTrue(res.status === 200, `GET /files/:id must answer 200 with the stored file (${what}).`, { actual: describe(res) });
  const contentType = res.headers['content-type'] ?? '(none)';
  t.expectTrue(contentType.split(';')[0]?.trim().toLowerCase() === type, `Send the file with the type you detected from its bytes: Content-Type: ${type} (${what}).`, { expected: type, actual: contentType });
  const length = res.headers['content-length'];
  const sameText = res.text === new TextDecoder().decode(bytes);
  t.expectTrue(sameText && (length === undefined || Number(length) === bytes.length), `The download must be exactly the uploaded bytes (${what}): ${advice}.`, {
    expected: `${bytes.length} bytes`,
    actual: `Content-Length: ${length ?? '(none)'}; the body ${sameText ? 'reads the same as text' : 'differs'}`,
  });
}

/**
 * The file name a Content-Disposition header gives: `filename*` (RFC 8187, UTF-8) wins over
 * `filename` (RFC 6266, 4.3). `undefined` when there is none or it cannot be decoded.
 */
function dispositionName(header: string): string | undefined {
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^;]+)/i.exec(header)?.[1]?.trim();
  if (extended !== undefined) {
    const parts = /^utf-8'[^']*'(.*)$/i.exec(extended);
    try {
      return parts?.[1] === undefined ? undefined : decodeURIComponent(parts[1]);
    } catch {
      return undefined;
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)?.[1];
  if (quoted !== undefined) return quoted.replace(/\\(.)/g, '$1');
  return /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
}

/** Every file under uploads/, as `disk-usage.js` (shipped with the lesson) reports it. */
async function diskUsage(t: CheckContext): Promise<string[]> {
  const result = await t.runCommand('node', ['disk-usage.js'], { timeoutMs: 15_000 });
  try {
    const report = JSON.parse(result.stdout) as { path: string; size: number }[];
    return report.map((entry) => `${entry.path} (${entry.size} bytes)`);
  } catch {
    throw new CheckFailure('this check reads the uploads folder with `node disk-usage.js`, which failed. Put disk-usage.js back as it was given (it only reports what uploads/ holds).', {
      actual: `${result.stdout}${result.stderr}`.slice(0, 500),
      kind: 'setup',
    });
  }
}

export default defineChecks({
  checks: [
    {
      id: 'upload-answers-201',
      title: 'POST /files stores a PNG and answers 201 with { id, name, size, type }; GET /files lists it',
      hint: "Create the parser with `busboy({ headers: req.headers, ... })`, listen to its 'file' event, pipe the stream into fs.createWriteStream(path.join(UPLOADS, id)), and answer in its 'close' event: res.status(201).json(file).",
      timeoutMs: SMALL_FILES_MS,
      run: async (t) => {
        const name = `${uniqueName('cat')}.png`;
        const bytes = fileBytes(PNG_SIGNATURE, 'a small picture');
        const res = await upload(t, bytes, name);
        const created = body(res);
        t.expectTrue(res.status === 201, 'Answer a valid upload with 201 Created and the stored file as JSON: { id, name, size, type }.', { actual: describe(res) });
        t.expectTrue(created.id !== undefined && created.id !== null && created.id !== '', 'Give every upload an id your server makes up (crypto.randomUUID()) and send it back in "id".', { actual: describe(res) });
        t.expectEqual({ name: created.name, size: created.size, type: created.type }, { name, size: bytes.length, type: 'image/png' }, 'Answer with the file name as sent, its size in bytes as you counted them, and its type ("image/png" for a PNG).');
        const listed = listedAs(await listing(t), created.id);
        t.expectEqual(listed && { id: listed.id, name: listed.name, size: listed.size, type: listed.type }, { id: created.id, name, size: bytes.length, type: 'image/png' }, 'GET /files must list every stored upload as { id, name, size, type }, the same as POST /files answered.');
      },
    },
    {
      id: 'download-exact-bytes',
      title: 'GET /files/:id sends back exactly the uploaded bytes with their type',
      hint: "res.sendFile(id, { root: UPLOADS }) streams the bytes as they are; set Content-Type to the stored type first.",
      timeoutMs: SMALL_FILES_MS,
      run: async (t) => {
        const bytes = fileBytes([...PNG_SIGNATURE, ...AWKWARD_BYTES], AWKWARD_TEXT);
        const file = await uploaded(t, bytes, 'bytes.png');
        expectBytes(t, await send(t, { path: filePath(file.id) }), bytes, 'image/png', `a PNG holding NUL, non-UTF-8 bytes and a line that looks like a multipart boundary`);
      },
    },
    {
      id: 'download-attachment-nosniff',
      title: 'A download is an attachment with its name and X-Content-Type-Options: nosniff',
      hint: "res.attachment(file.name) sets Content-Disposition: attachment with the file's name; then res.set('X-Content-Type-Options', 'nosniff').",
      timeoutMs: SMALL_FILES_MS,
      run: async (t) => {
        const name = `${uniqueName('holiday')}.png`;
        const file = await uploaded(t, fileBytes(PNG_SIGNATURE, 'a picture'), name);
        const res = await send(t, { path: filePath(file.id) });
        const disposition = res.headers['content-disposition'] ?? '';
        t.expectTrue(disposition.split(';')[0]?.trim().toLowerCase() === 'attachment' && dispositionName(disposition) === name, 'Send Content-Disposition: attachment with the original name (res.attachment(file.name)): the browser then saves the upload instead of opening it on your site, where a file someone uploaded could run as your page.', {
          expected: `attachment; filename=${name}`,
          actual: disposition || '(no Content-Disposition)',
        });
        t.expectEqual(res.headers['x-content-type-options'] ?? '(none)', 'nosniff', 'Send X-Content-Type-Options: nosniff with every download: without it a browser may decide a "PNG" is HTML after all and run its scripts.');
      },
    },
    {
      id: 'non-ascii-name',
      title: 'A name that is not ASCII is listed as sent and offered for download with filename*',
      hint: "busboy reads names as latin1 unless you pass defParamCharset: 'utf8'. For the header, res.attachment(name) writes filename*=UTF-8''… (RFC 6266) for you.",
      timeoutMs: SMALL_FILES_MS,
      run: async (t) => {
        const name = 'Café – отчёт.png';
        const file = await uploaded(t, fileBytes(PNG_SIGNATURE, 'a report'), name);
        t.expectEqual(file.name, name, "Keep the file name as the client sent it, in UTF-8: create the parser with busboy({ headers: req.headers, defParamCharset: 'utf8', … }) (busboy's default, latin1, garbles it).");
        const res = await send(t, { path: filePath(file.id) });
        const disposition = res.headers['content-disposition'];
        t.expectTrue(res.status === 200 && disposition !== undefined, "GET /files/:id must answer 200 with a Content-Disposition header also for a name that is not ASCII. A header value cannot hold such characters as they are: let res.attachment(name) encode it.", { actual: `${describe(res)}\nContent-Disposition: ${disposition ?? '(none)'}` });
        t.expectEqual(dispositionName(disposition ?? ''), name, "Offer the original name for download, encoded as RFC 6266 says: an ASCII fallback in filename=\"…\" and the real name in filename*=UTF-8''… (percent-encoded). res.attachment(name) does both.");
      },
    },
    {
      id: 'jpeg-and-pdf-accepted',
      title: 'A JPEG (first bytes FF D8 FF) and a PDF (first bytes %PDF-) are accepted with their types',
      hint: 'A JPEG starts with the bytes 0xFF 0xD8 0xFF, a PDF with the text %PDF-.',
      timeoutMs: SMALL_FILES_MS,
      run: async (t) => {
        const kinds = [
          { bytes: fileBytes(JPEG_START, 'JFIF a photo'), name: `${uniqueName('photo')}.jpg`, type: 'image/jpeg', what: 'a JPEG: first bytes FF D8 FF' },
          { bytes: fileBytes([], '%PDF-1.7\n(a page)\n%%EOF\n'), name: `${uniqueName('notes')}.pdf`, type: 'application/pdf', what: 'a PDF: first bytes %PDF-' },
        ];
        for (const kind of kinds) {
          const res = await upload(t, kind.bytes, kind.name, kind.type);
          t.expectTrue(res.status === 201 && body(res).type === kind.type, `Accept every type on the allow-list, recognised by its first bytes: ${kind.what}, stored as "${kind.type}".`, { expected: `201 {…,"type":"${kind.type}"}`, actual: describe(res) });
          expectBytes(t, await send(t, { path: filePath(body(res).id) }), kind.bytes, kind.type, kind.what);
        }
      },
    },
    {
      id: 'type-from-bytes-not-label',
      title: 'A PNG the client labels text/plain is accepted and stored as image/png',
      hint: "Ignore info.mimeType (the client's claim): read the first bytes of the stream and compare them with the PNG signature 89 50 4E 47 0D 0A 1A 0A.",
      timeoutMs: SMALL_FILES_MS,
      run: async (t) => {
        const bytes = fileBytes(PNG_SIGNATURE, 'a diagram');
        const res = await upload(t, bytes, `${uniqueName('diagram')}.png`, 'text/plain');
        t.expectTrue(res.status === 201 && body(res).type === 'image/png', "Decide the type from the file's first bytes, not from the Content-Type the client put on the part: this file is a PNG although it is labelled text/plain, so store it as image/png.", { expected: '201 {…,"type":"image/png"}', actual: describe(res) });
        expectBytes(t, await send(t, { path: filePath(body(res).id) }), bytes, 'image/png', 'a PNG labelled text/plain');
      },
    },
    {
      id: 'html-labelled-png-refused',
      title: 'An HTML file labelled image/png is refused with 415 and not listed',
      hint: 'A label costs an attacker nothing; the bytes decide. Anything that is not a PNG, JPEG or PDF gets 415 Unsupported Media Type.',
      timeoutMs: SMALL_FILES_MS,
      run: async (t) => {
        const name = `${uniqueName('avatar')}.png`;
        const res = await upload(t, fileBytes([], '<!doctype html><script>alert(document.cookie)</script>'), name, 'image/png');
        t.expectEqual(res.status, 415, 'Refuse a file whose bytes are not a PNG, JPEG or PDF with 415 Unsupported Media Type, whatever its label says: this one is HTML with a script, labelled image/png.');
        t.expectTrue(!(await listing(t)).some((item) => item.name === name), 'A refused upload must not be listed by GET /files: add a file to the list only after it passed every rule.');
      },
    },
    {
      id: 'exactly-1mib-accepted',
      title: 'A file of exactly 1 MiB (1,048,576 bytes) is accepted',
      hint: "busboy sets `truncated` (and emits 'limit') as soon as a file *reaches* limits.fileSize, so a limit of 1 MiB refuses a file of exactly 1 MiB: use limits.fileSize = 1 MiB + 1.",
      timeoutMs: MEGABYTE_MS,
      run: async (t) => {
        const res = await upload(t, fileBytes(PNG_SIGNATURE, '', MIB), `${uniqueName('exactly-1mib')}.png`);
        t.expectTrue(res.status === 201 && body(res).size === MIB, 'Accept a file of exactly 1 MiB (1,048,576 bytes): that is the largest allowed size. Note that busboy marks a file truncated when it reaches limits.fileSize, so set the limit one byte higher and refuse only when truncated.', { expected: `201 {…,"size":${MIB}}`, actual: describe(res) });
      },
    },
    {
      id: 'over-1mib-refused',
      title: 'A file of 1 MiB + 1 byte is refused with 413 and not listed',
      hint: "Check stream.truncated once the file is written (or listen to its 'limit' event) and answer 413 Content Too Large.",
      timeoutMs: MEGABYTE_MS,
      run: async (t) => {
        const name = `${uniqueName('too-big')}.png`;
        const res = await upload(t, fileBytes(PNG_SIGNATURE, '', MIB + 1), name);
        t.expectEqual(res.status, 413, 'Refuse a file larger than 1 MiB with 413 Content Too Large: 1,048,577 bytes is one byte too many.');
        t.expectTrue(!(await listing(t)).some((item) => item.name === name), 'A refused upload must not be listed by GET /files: add a file to the list only after it passed every rule.');
      },
    },
    {
      id: 'refused-uploads-leave-nothing',
      title: 'A refused upload (too large, or the wrong type) leaves nothing in uploads/',
      hint: 'busboy has already written part of the file when you learn it is too large (or not an allowed type): delete it with fs.promises.rm before you answer.',
      timeoutMs: MEGABYTE_MS,
      run: async (t) => {
        const before = await diskUsage(t);
        const tooBig = await upload(t, fileBytes(PNG_SIGNATURE, '', MIB + 4096), `${uniqueName('huge')}.png`);
        const wrongType = await upload(t, fileBytes([], '<!doctype html><p>not an image</p>'), `${uniqueName('page')}.html`, 'text/html');
        t.expectTrue(tooBig.status === 413 && wrongType.status === 415, 'This check sends a PNG of 1 MiB + 4 KiB and an HTML file, and both must be refused (413, then 415) before it can look at what they left on disk.', { expected: '413 and 415', actual: `${tooBig.status} and ${wrongType.status}` });
        const after = await diskUsage(t);
        const left = after.filter((entry) => !before.includes(entry));
        t.expectTrue(left.length === 0, 'A refused upload must leave nothing behind: delete what you wrote of it (await fs.promises.rm(partPath)) before you answer 413 or 415. Otherwise every refused upload still costs disk space.', {
          expected: 'no new files in uploads/',
          actual: left.join(', '),
        });
      },
    },
    {
      id: 'client-filename-not-a-path',
      title: 'An upload named ../server.js is stored under a server-made name and changes nothing outside uploads/',
      hint: 'Store every file under an id you generate (crypto.randomUUID()); keep the client’s name only as data in your list, for display.',
      timeoutMs: SMALL_FILES_MS,
      run: async (t) => {
        const serverBefore = await t.readFile('server.js');
        const bytes = fileBytes(PNG_SIGNATURE, '\n// this upload tried to replace server.js\n');
        const res = await upload(t, bytes, '../server.js');
        const serverAfter = await t.readFile('server.js');
        t.expectTrue(serverAfter === serverBefore, 'An upload named "../server.js" replaced your server.js: never build a path from the client’s file name. Store every file as path.join(UPLOADS, id) with an id you make up.');
        t.expectEqual(res.status, 201, 'A PNG named "../server.js" is a valid upload: store it under your own id and answer 201 (the name is only a label).');
        const listed = listedAs(await listing(t), body(res).id);
        t.expectTrue(typeof listed?.name === 'string' && ['server.js', '../server.js'].includes(listed.name), 'List the upload with the name it came with (busboy drops the folder part: "server.js"), as display data only.', { actual: JSON.stringify(listed) });
        expectBytes(t, await send(t, { path: filePath(body(res).id) }), bytes, 'image/png', 'the upload named ../server.js');
      },
    },
    {
      id: 'same-name-kept-apart',
      title: 'Two uploads with the same name are both kept, each with its own bytes',
      hint: 'Name the stored file after the id, not after the client’s file name: two people both upload "photo.png".',
      timeoutMs: SMALL_FILES_MS,
      run: async (t) => {
        const first = fileBytes(PNG_SIGNATURE, 'the first photo');
        const second = fileBytes(PNG_SIGNATURE, 'the second photo, a little longer');
        const a = await uploaded(t, first, 'photo.png');
        const b = await uploaded(t, second, 'photo.png');
        t.expectTrue(a.id !== b.id, 'Give every upload its own id, also when two files have the same name.', { actual: `${String(a.id)} and ${String(b.id)}` });
        const apart = 'the second upload must not replace the first: store each file under its id (path.join(UPLOADS, id)), not under the name it came with';
        expectBytes(t, await send(t, { path: filePath(a.id) }), first, 'image/png', 'the first of two uploads named photo.png', apart);
        expectBytes(t, await send(t, { path: filePath(b.id) }), second, 'image/png', 'the second of two uploads named photo.png', apart);
      },
    },
    {
      id: 'unknown-id-404',
      title: 'GET /files/:id answers 404 for an unknown id, also one that looks like a path',
      hint: 'Look the id up in your list first; only a listed id leads to a file on disk.',
      steps: [
        {
          request: { path: '/files/no-such-file' },
          expect: { status: 404 },
          message: 'Answer 404 Not Found when no upload has this id.',
        },
        {
          name: 'an id that is a path',
          request: { path: '/files/..%2Fserver.js' },
          expect: { status: 404, bodyNotContains: ['express'] },
          message: 'GET /files/..%2Fserver.js must answer 404: Express decodes the id to "../server.js", and a server that builds a path from it sends its own source code. Look the id up in your list and read only the file stored for it.',
        },
      ],
    },
    {
      id: 'not-multipart-415',
      title: 'POST /files with a body that is not multipart/form-data answers 415',
      hint: 'busboy(...) throws for a request that is not multipart: catch that and answer 415.',
      steps: [
        {
          request: { method: 'POST', path: '/files', json: { file: 'iVBORw0KGgo=' } },
          expect: { status: 415 },
          message: 'Answer 415 Unsupported Media Type when the body is not multipart/form-data: busboy(...) throws "Unsupported content type" for it; catch that instead of letting it become a 500.',
        },
      ],
    },
    {
      id: 'no-file-part-400',
      title: 'A multipart body without a `file` part answers 400',
      hint: "If the 'close' event comes and no part named \"file\" arrived, answer 400 (and skip other parts with stream.resume()).",
      steps: [
        {
          request: { method: 'POST', path: '/files', multipart: { note: 'hello', picture: { filename: 'cat.png', contentType: 'image/png', base64: bytesToBase64(fileBytes(PNG_SIGNATURE, 'wrong field')) } } },
          expect: { status: 400 },
          message: 'Answer 400 when the form has no part named "file" (this one sends the picture as "picture"): say which field to use. Skip parts you do not want with stream.resume(), or busboy waits for them forever.',
        },
      ],
    },
  ],
});
