/**
 * Reads a WebContainer binary snapshot (the MessagePack format of `@webcontainer/snapshot`
 * 0.1.0, see src/node/webcontainer-snapshot.ts) back into a FileSystemTree, so the fake can
 * `mount` the bytes the app mounts. Only the types a snapshot uses: maps, strings, binaries.
 */
import type { FileSystemTree } from '@webcontainer/api';

type Value = string | Uint8Array | { [key: string]: Value };

function decode(bytes: Uint8Array): Value {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const take = (length: number): Uint8Array => bytes.subarray(offset, (offset += length));
  const length = (width: 1 | 2 | 4): number => {
    const value = width === 1 ? view.getUint8(offset) : width === 2 ? view.getUint16(offset) : view.getUint32(offset);
    offset += width;
    return value;
  };
  const map = (entries: number): Value => {
    const out: Record<string, Value> = {};
    for (let index = 0; index < entries; index++) {
      const key = next();
      if (typeof key !== 'string') throw new Error('snapshot: a map key is not a string');
      out[key] = next();
    }
    return out;
  };
  const next = (): Value => {
    const type = view.getUint8(offset++);
    if ((type & 0xf0) === 0x80) return map(type & 0x0f);
    if ((type & 0xe0) === 0xa0) return new TextDecoder().decode(take(type & 0x1f));
    switch (type) {
      case 0xde: return map(length(2));
      case 0xdf: return map(length(4));
      case 0xd9: return new TextDecoder().decode(take(length(1)));
      case 0xda: return new TextDecoder().decode(take(length(2)));
      case 0xdb: return new TextDecoder().decode(take(length(4)));
      case 0xc4: return take(length(1)).slice();
      case 0xc5: return take(length(2)).slice();
      case 0xc6: return take(length(4)).slice();
      default: throw new Error(`snapshot: MessagePack type 0x${type.toString(16)} is not used by snapshots`);
    }
  };
  const value = next();
  if (offset !== bytes.length) throw new Error(`snapshot: ${bytes.length - offset} bytes after the end`);
  return value;
}

function toTree(folder: Value): FileSystemTree {
  if (typeof folder === 'string' || folder instanceof Uint8Array) throw new Error('snapshot: a folder is not a map');
  const tree: FileSystemTree = {};
  for (const [name, node] of Object.entries(folder)) {
    if (typeof node === 'string' || node instanceof Uint8Array) throw new Error(`snapshot: ${name} is not a node`);
    const file = node.f;
    const contents = typeof file === 'object' && !(file instanceof Uint8Array) ? file.c : undefined;
    if (node.d !== undefined) tree[name] = { directory: toTree(node.d) };
    else if (contents instanceof Uint8Array) tree[name] = { file: { contents } };
    else throw new Error(`snapshot: ${name} is neither { d } nor { f: { c } }`);
  }
  return tree;
}

export function decodeSnapshot(bytes: Uint8Array): FileSystemTree {
  const root = decode(bytes);
  if (typeof root === 'string' || root instanceof Uint8Array || root.d === undefined) throw new Error('snapshot: the root is not { d }');
  return toTree(root.d);
}
