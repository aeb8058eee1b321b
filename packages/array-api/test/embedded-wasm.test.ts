/**
 * The one loader of embedded WebAssembly modules (@sciport/array-api/kernels), which the
 * matrix product, @sciport/fft and @sciport/ndimage load their kernels through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, loadEmbeddedWasm } from '../src/embedded-wasm.js';

/** The smallest valid module: magic number and version, no sections. */
const EMPTY_MODULE = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]).toString('base64');

describe('decodeBase64', () => {
  it('gives the bytes Node’s own decoder gives, padded or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const b64 = Buffer.from(bytes).toString('base64');
        expect(Array.from(decodeBase64(b64))).toEqual(Array.from(bytes));
        expect(Array.from(decodeBase64(b64.replace(/=+$/, '')))).toEqual(Array.from(bytes));
      }),
    );
  });
});

describe('loadEmbeddedWasm', () => {
  it('adopts a valid module synchronously where synchronous compilation is allowed, once', async () => {
    const adopted: object[] = [];
    const ready = loadEmbeddedWasm(EMPTY_MODULE, (exports) => adopted.push(exports));
    expect(adopted).toHaveLength(1);
    await ready;
    expect(adopted).toHaveLength(1);
  });

  it('never adopts bytes that are not a module, and still resolves', async () => {
    const adopted: object[] = [];
    await expect(loadEmbeddedWasm(Buffer.from('not wasm').toString('base64'), (exports) => adopted.push(exports))).resolves.toBeUndefined();
    expect(adopted).toHaveLength(0);
  });

  it('compiles asynchronously on a browser main thread (a global document)', async () => {
    const g = globalThis as { document?: unknown };
    g.document = {};
    try {
      const adopted: object[] = [];
      const ready = loadEmbeddedWasm(EMPTY_MODULE, (exports) => adopted.push(exports));
      expect(adopted).toHaveLength(0);
      await ready;
      expect(adopted).toHaveLength(1);
    } finally {
      delete g.document;
    }
  });

  it('lets an error thrown by adopt surface instead of compiling a second instance', () => {
    let calls = 0;
    expect(() =>
      loadEmbeddedWasm(EMPTY_MODULE, () => {
        calls++;
        throw new Error('adopt failed');
      }),
    ).toThrow('adopt failed');
    expect(calls).toBe(1);
  });
});
