/**
 * Encodes files as a WebContainer binary snapshot, the payload `WebContainer#mount()` accepts
 * besides a FileSystemTree (@webcontainer/api 1.6.4, dist/index.js `mount`: a Uint8Array is
 * handed to the container as is). The format is what `@webcontainer/snapshot` 0.1.0 writes
 * (dist/index.js `uncontrolledSnapshot`): MessagePack of `{ d: { name: { d: {…} } | { f: { c: bytes } } } }`.
 * We write that small MessagePack subset here (maps, strings, binaries) rather than depend on
 * the package, whose `snapshot()` only walks a folder on disk and we build from a file list.
 */
import type { DependencyFile } from './template-dependency-files.ts';

type SnapshotNode = { d: Record<string, SnapshotNode> } | { f: { c: Uint8Array } };

function tree(files: DependencyFile[]): SnapshotNode {
  const root: SnapshotNode = { d: {} };
  for (const { path, data } of files) {
    const segments = path.split('/');
    const name = segments.pop()!;
    let folder = root.d;
    for (const segment of segments) {
      const next = (folder[segment] ??= { d: {} });
      if (!('d' in next)) throw new Error(`${path}: ${segment} is both a file and a folder.`);
      folder = next.d;
    }
    folder[name] = { f: { c: data } };
  }
  return root;
}

class MessagePackWriter {
  private readonly chunks: Uint8Array[] = [];
  size = 0;

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  /** A type byte followed by a big-endian length of 0 (fix types), 1, 2 or 4 bytes. */
  private header(type: number, length: number, width: 0 | 1 | 2 | 4): void {
    const bytes = new Uint8Array(1 + width);
    const view = new DataView(bytes.buffer);
    view.setUint8(0, type);
    if (width === 1) view.setUint8(1, length);
    else if (width === 2) view.setUint16(1, length);
    else if (width === 4) view.setUint32(1, length);
    this.push(bytes);
  }

  map(entries: number): void {
    if (entries < 16) this.header(0x80 | entries, 0, 0);
    else if (entries < 0x10000) this.header(0xde, entries, 2);
    else this.header(0xdf, entries, 4);
  }

  string(text: string): void {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length < 32) this.header(0xa0 | bytes.length, 0, 0);
    else if (bytes.length < 0x100) this.header(0xd9, bytes.length, 1);
    else if (bytes.length < 0x10000) this.header(0xda, bytes.length, 2);
    else this.header(0xdb, bytes.length, 4);
    this.push(bytes);
  }

  binary(bytes: Uint8Array): void {
    if (bytes.length < 0x100) this.header(0xc4, bytes.length, 1);
    else if (bytes.length < 0x10000) this.header(0xc5, bytes.length, 2);
    else this.header(0xc6, bytes.length, 4);
    this.push(bytes);
  }

  node(node: SnapshotNode): void {
    this.map(1);
    if ('f' in node) {
      this.string('f');
      this.map(1);
      this.string('c');
      this.binary(node.f.c);
      return;
    }
    this.string('d');
    const names = Object.keys(node.d).sort();
    this.map(names.length);
    for (const name of names) {
      this.string(name);
      this.node(node.d[name]!);
    }
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

/** The snapshot bytes of `files` (paths relative to the workdir), keys in sorted order. */
export function encodeSnapshot(files: DependencyFile[]): Uint8Array {
  const writer = new MessagePackWriter();
  writer.node(tree(files));
  return writer.bytes();
}
