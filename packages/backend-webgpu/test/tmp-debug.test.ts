import type { NDArray } from '@sciport/array-api';
import { arrayNamespace } from '@sciport/array-api';
import { caseDtypes, loadFixtureFile, decodeGoldenArg, decodeGoldenArray, compareGolden, goldenTolerance, expectedArrays } from '@sciport/conformance/node';
import { it } from 'vitest';
import { isGPUArray, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
await useGPU();
const FNS = (process.env.FNS ?? '').split(',');
const ALLOWED = ['float32', 'complex64', 'int32', 'uint32', 'bool'];
it('debug', async () => {
  for (const file of ['unary', 'binary', 'creation', 'manipulation', 'reductions', 'linalg', 'sorting']) {
    const cases = loadFixtureFile('array-api', file) as any[];
    for (const [i, c] of cases.entries()) {
      if (!FNS.includes(c.fn)) continue;
      if ([...caseDtypes(c)].some((d) => !ALLOWED.includes(d))) continue;
      const hostArgs = c.args.map(decodeGoldenArg);
      const args = c.args.map((a: any) => (a && typeof a === 'object' && 'array' in a ? toDevice(decodeGoldenArg(a) as NDArray) : a));
      if (c.options) args.push(c.options);
      let r: any;
      try { r = (arrayNamespace(...args.filter(isGPUArray)) as any)[c.fn](...args); } catch (e) { console.log(c.fn, i, c.tag, 'THREW', (e as Error).message); continue; }
      const [[, e]] = expectedArrays(c.expected);
      const got = (await r.toHost()) as NDArray;
      const want = decodeGoldenArray(e);
      const g = got.toTypedArray() as any, w = want.toTypedArray() as any;
      const inp = (hostArgs[0] as NDArray).toTypedArray?.() as any;
      const inp2 = hostArgs[1]?.toTypedArray?.() as any;
      const lanes = e.dtype.startsWith('complex') ? 2 : 1;
      const bad: string[] = [];
      for (let k = 0; k < w.length; k++) {
        const one = { ...e, shape: [1], data: [e.data[k]] };
        if (lanes === 2) continue;
        const tol = goldenTolerance(e.dtype, file === 'reductions' ? 'accumulate' : 'elementwise', c.tag === 'special');
        const why = compareGolden({ dtype: got.dtype, shape: [1], data: [g[k]], toTypedArray: () => [g[k]], offset: 0, stride: [1] } as any, one as any, tol);
        if (why) bad.push(`x=${inp?.[k]}${inp2 ? `,${inp2[k]}` : ''} got ${g[k]} want ${w[k]}`);
      }
      if (lanes === 2) for (let k = 0; k < w.length; k += 2) if (!(Object.is(g[k], w[k]) || Math.abs(g[k] - w[k]) <= 1e-5 * Math.abs(w[k]) + 1e-6) || !(Object.is(g[k + 1], w[k + 1]) || Math.abs(g[k + 1] - w[k + 1]) <= 1e-5 * Math.abs(w[k + 1]) + 1e-6)) bad.push(`z=${inp[k]}${inp[k + 1] < 0 || Object.is(inp[k + 1], -0) ? '' : '+'}${Object.is(inp[k + 1], -0) ? '-0' : inp[k + 1]}j got ${g[k]},${g[k + 1]} want ${w[k]},${w[k + 1]}`);
      if (bad.length) console.log(c.fn, i, c.tag, bad.length, 'bad:', bad.slice(0, 8).join(' | '));
    }
  }
});
