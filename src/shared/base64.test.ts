import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64.ts';

const sample = (length: number): Uint8Array => Uint8Array.from({ length }, (_, index) => (index * 151 + 7) % 256);

describe('base64', () => {
  it('encodes like Node for every padding case, up to more than 1 MiB', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255, 256, 65_537, 1_048_577]) {
      const bytes = sample(length);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('decodes what it encodes, padded, unpadded, URL-safe and with line breaks', () => {
    const bytes = sample(1000);
    const standard = Buffer.from(bytes).toString('base64');
    expect(base64ToBytes(standard)).toEqual(bytes);
    expect(base64ToBytes(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
    expect(base64ToBytes(standard.replace(/=+$/, ''))).toEqual(bytes);
    expect(base64ToBytes(standard.replace(/(.{76})/g, '$1\r\n'))).toEqual(bytes);
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base64ToBytes('ab$d')).toThrow('not base64: "$" at position 2');
    expect(() => base64ToBytes('é')).toThrow('not base64');
  });
});
