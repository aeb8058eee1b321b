/**
 * Loading the wasm kernels in a fresh Node process: one instance, ready at import, and the
 * same one after the event loop has turned. A program that transforms at the top level of
 * its module and again after an `await` must get the same answer (a second instance used to
 * replace the first a tick after import, under the plans made in the first: wrong values or
 * "memory access out of bounds").
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('wasm kernels in a fresh process', () => {
  it('give the same results before and after the first turn of the event loop', () => {
    const source = [
      "import { NDArray } from '@sciport/array-api';",
      "import { fft2, rfft } from '@sciport/fft';",
      'const n = 64;',
      'const x = new NDArray(Float64Array.from({ length: n * n }, (_, k) => Math.sin(Math.floor(k / n) * 0.3) + Math.cos((k % n) * 0.7)), [n, n], "float64");',
      'const before = [fft2(x), rfft(x)].map((y) => Array.from(y.data));',
      'await new Promise((resolve) => setTimeout(resolve, 50));',
      'const after = [fft2(x), rfft(x)].map((y) => Array.from(y.data));',
      'console.log(JSON.stringify({ same: JSON.stringify(before) === JSON.stringify(after), finite: after.flat().every(Number.isFinite) }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: packageDir, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop() as string)).toEqual({ same: true, finite: true });
  });
});
