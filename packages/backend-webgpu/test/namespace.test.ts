import { arrayNamespace, asarray, hostNamespace, type NDArray } from '@sciport/array-api';
import { DtypeError, NamespaceMismatchError, NotSupportedError, ShapeError } from '@sciport/dispatch-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GPUArray, gpuNamespace as gx, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { randomValues } from './reference.js';

await useGPU();

const hx = hostNamespace;

function host(shape: number[], seed: number, dtype: 'float32' | 'int32' | 'complex64' | 'bool' = 'float32', scale = 3): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  const raw = randomValues(dtype === 'complex64' ? 2 * size : size, seed).map((v) => v * scale);
  if (dtype === 'int32') return asarray(Int32Array.from(raw, (v) => Math.round(v * 10)), { shape });
  if (dtype === 'bool') return asarray(Uint8Array.from(raw, (v) => (v > 0 ? 1 : 0)), { shape, dtype: 'bool' });
  return asarray(Float32Array.from(raw), { shape, dtype });
}

async function values(x: GPUArray): Promise<number[]> {
  const h = (await x.toHost()) as NDArray;
  x.dispose();
  return Array.from(h.toTypedArray() as ArrayLike<number>, Number);
}

function hostValues(x: NDArray): number[] {
  return Array.from(x.toTypedArray() as ArrayLike<number>, Number);
}

async function same(gpu: GPUArray, expected: NDArray, rtol = 2e-6, atol = 1e-6) {
  expect(gpu.shape).toEqual(expected.shape);
  expect(gpu.dtype).toBe(expected.dtype);
  const got = await values(gpu);
  const want = hostValues(expected);
  expect(got.length).toBe(want.length);
  for (let k = 0; k < want.length; k++) {
    if (Number.isNaN(want[k])) expect(got[k]).toBeNaN();
    else if (!Number.isFinite(want[k])) expect(got[k]).toBe(want[k]);
    else expect(Math.abs(got[k] - want[k])).toBeLessThanOrEqual(atol + rtol * Math.abs(want[k]));
  }
}

describe('GPU namespace: elementwise', () => {
  const a = host([3, 4], 1);
  const b = host([4], 2);
  const ag = toDevice(a);
  const bg = toDevice(b);

  it('is what arrayNamespace returns for a GPUArray', () => {
    expect(arrayNamespace(ag)).toBe(gx);
    expect(() => gx.add(ag, a as never)).toThrow(NamespaceMismatchError);
  });

  for (const name of ['add', 'subtract', 'multiply', 'divide', 'maximum', 'minimum', 'atan2', 'hypot', 'copysign', 'pow'] as const) {
    it(`${name} broadcasts like the host namespace`, async () => {
      const pa = name === 'pow' ? hx.abs(a) : a;
      const pg = name === 'pow' ? gx.abs(ag) : ag;
      await same((gx[name] as any)(pg, bg), (hx[name] as any)(pa, b), 1e-5, 1e-5);
      if (pg !== ag) pg.dispose();
    });
  }
  for (const name of ['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'] as const) {
    it(`${name} gives bool`, async () => {
      await same((gx[name] as any)(ag, bg), (hx[name] as any)(a, b));
    });
  }
  for (const name of ['abs', 'negative', 'exp', 'sin', 'cos', 'tanh', 'floor', 'ceil', 'round', 'trunc', 'sign', 'square', 'expm1', 'log1p', 'atan', 'sinh'] as const) {
    it(`${name}`, async () => {
      await same((gx[name] as any)(ag), (hx[name] as any)(a), 2e-6, 2e-6);
    });
  }
  it('sqrt, log of positive values', async () => {
    const p = hx.abs(a);
    const pg = toDevice(p);
    await same(gx.sqrt(pg), hx.sqrt(p));
    await same(gx.log(pg), hx.log(p), 1e-6, 1e-6);
    await same(gx.log10(pg), hx.log10(p), 1e-6, 1e-6);
    pg.dispose();
  });
  it('keeps relative accuracy near zero (sinh, tanh, expm1, log1p, sin)', async () => {
    const t = asarray(Float32Array.from([1e-4, -3e-5, 2e-7, 0.3, -2]), { shape: [5] });
    const tg = toDevice(t);
    for (const name of ['sinh', 'tanh', 'expm1', 'log1p', 'sin', 'tan', 'asinh', 'atanh'] as const) {
      await same((gx[name] as any)(tg), (hx[name] as any)(t), 4e-7, 0);
    }
    tg.dispose();
  });
  it('scalars take the array dtype', async () => {
    await same(gx.multiply(ag, 2.5), hx.multiply(a, 2.5));
    await same(gx.subtract(1, ag), hx.subtract(1, a));
    const i = host([5], 3, 'int32');
    const ig = toDevice(i);
    await same(gx.add(ig, 7), hx.add(i, 7));
    await same(gx.floorDivide(ig, 3), hx.floorDivide(i, 3));
    await same(gx.remainder(ig, -4), hx.remainder(i, -4));
    ig.dispose();
  });
  it('complex arithmetic', async () => {
    const c = host([6], 4, 'complex64');
    const d = host([6], 5, 'complex64');
    const cg = toDevice(c);
    const dg = toDevice(d);
    await same(gx.multiply(cg, dg), hx.multiply(c, d));
    await same(gx.divide(cg, dg), hx.divide(c, d), 1e-5, 1e-5);
    await same(gx.abs(cg), hx.abs(c));
    await same(gx.conj(cg), hx.conj(c));
    await same(gx.exp(cg), hx.exp(c), 1e-5, 1e-5);
    await same(gx.sqrt(cg), hx.sqrt(c), 1e-5, 1e-5);
    await same(gx.real(cg), hx.real(c));
    cg.dispose();
    dg.dispose();
  });
  it('NaN and infinity tests look at the bits', async () => {
    const x = asarray(Float32Array.from([0, Number.NaN, Number.POSITIVE_INFINITY, -1]), { shape: [4] });
    const xg = toDevice(x);
    await same(gx.isnan(xg), hx.isnan(x));
    await same(gx.isinf(xg), hx.isinf(x));
    await same(gx.isfinite(xg), hx.isfinite(x));
    await same(gx.maximum(xg, 0), hx.maximum(x, 0));
    xg.dispose();
  });
  it('where, clip, logical and bitwise', async () => {
    const c = host([3, 4], 6, 'bool');
    const cg = toDevice(c);
    await same(gx.where(cg, ag, 0), hx.where(c, a, 0));
    // As on the host, the condition must be a bool array (no truthiness of numbers).
    expect(() => gx.where(ag, ag, 0)).toThrow(DtypeError);
    expect(() => hx.where(a, a, 0)).toThrow(DtypeError);
    await same(gx.clip(ag, -1, 1), hx.clip(a, -1, 1));
    await same(gx.logicalNot(cg), hx.logicalNot(c));
    const i = host([5], 8, 'int32');
    const ig = toDevice(i);
    await same(gx.bitwiseAnd(ig, 6), hx.bitwiseAnd(i, 6));
    await same(gx.bitwiseLeftShift(ig, 3), hx.bitwiseLeftShift(i, 3));
    ig.dispose();
    cg.dispose();
  });
  it('meshgrid follows its indexing option as on the host', async () => {
    const u = host([3], 11);
    const v = host([4], 12);
    const [ug, vg] = [toDevice(u), toDevice(v)];
    const xy = gx.meshgrid(ug, vg);
    const hxy = hx.meshgrid(u, v);
    await same(xy[0], hxy[0]);
    await same(xy[1], hxy[1]);
    const ij = gx.meshgrid(ug, vg, { indexing: 'ij' });
    const hij = hx.meshgrid(u, v, { indexing: 'ij' });
    await same(ij[0], hij[0]);
    await same(ij[1], hij[1]);
    for (const t of [ug, vg]) t.dispose();
  });
  it('refuses what WGSL cannot do with a typed error', () => {
    const cg = toDevice(host([2], 9, 'complex64'));
    expect(() => gx.maximum(cg, cg)).toThrow(DtypeError);
    expect(() => gx.add(ag, toDevice(host([5], 1)))).toThrow(ShapeError);
    expect(() => gx.sort(ag)).toThrow(NotSupportedError);
    expect(() => gx.zeros([2], { dtype: 'float64' })).toThrow(DtypeError);
    cg.dispose();
  });
  it('floored division and remainder follow NumPy (its divmod, not floor(a / b))', async () => {
    // Expected: NumPy's floor_divide and remainder on these float32 values.
    const a = toDevice(asarray(Float32Array.from([1, -1, 7.5, -7.5, 1e7, 3, 0.7]), { shape: [7] }));
    const b = toDevice(asarray(Float32Array.from([0.1, 0.1, -2, 2, 3.3, -0.3, Number.POSITIVE_INFINITY]), { shape: [7] }));
    expect(await values(gx.floorDivide(a, b))).toEqual([9, -10, -4, -4, 3030303, -10, 0]);
    expect(await values(gx.remainder(a, b))).toEqual([
      0.09999998658895493, 1.4901161193847656e-8, -0.5, 0.5, 0.24449610710144043, -1.1920928955078125e-7, 0.699999988079071,
    ]);
    a.dispose();
    b.dispose();
  });
  it("remainder takes the divisor's sign and floorDivide(a, b)·b + remainder(a, b) = a (finite a, b ≠ 0)", async () => {
    // No subnormals: GPUs may flush them to zero.
    const finite = fc.float({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => (Math.abs(v) < 1e-30 ? 0 : v));
    const pairs = fc.array(fc.tuple(finite, finite.filter((v) => v !== 0)), { minLength: 1, maxLength: 64 });
    await fc.assert(
      fc.asyncProperty(pairs, async (ab) => {
        const a = Float32Array.from(ab, ([x]) => x);
        const b = Float32Array.from(ab, ([, y]) => y);
        const ag = toDevice(asarray(a, { shape: [a.length] }));
        const bg = toDevice(asarray(b, { shape: [b.length] }));
        const q = await values(gx.floorDivide(ag, bg));
        const r = await values(gx.remainder(ag, bg));
        ag.dispose();
        bg.dispose();
        for (let k = 0; k < a.length; k++) {
          expect(Object.is(r[k], 0) || r[k] > 0).toBe(b[k] > 0);
          expect(Math.abs(r[k])).toBeLessThanOrEqual(Math.abs(b[k]));
          expect(Number.isInteger(q[k])).toBe(true);
          // q·b + r reproduces a up to the rounding of q·b (|q·b| ≤ |a| + |b|).
          expect(Math.abs(q[k] * b[k] + r[k] - a[k])).toBeLessThanOrEqual(2 ** -22 * (Math.abs(a[k]) + Math.abs(b[k])));
        }
      }),
      { numRuns: 25 },
    );
  });
  it('complex tan and tanh stay finite where sinh and cosh overflow', async () => {
    // Expected: NumPy's tanh and tan of these complex64 values, as (re, im) pairs.
    const z = toDevice(asarray(Float32Array.from([30, 2, -30, 0.5, 1e5, 1e5, 0.3, -20, 5, 1e4]), { shape: [5], dtype: 'complex64' }));
    const tanh = [1, -1.3253900128395056e-26, -1, 1.4736701325969988e-26, 1, -0, 1.2278114557266235, -1.436980128288269, 0.9999262094497681, 5.2840234275208786e-5];
    const tan = [-0.011565212160348892, 1.0354418754577637, 0.5160442590713501, 1.9896148443222046, -0, 1, 4.797602885054483e-18, -1, -0, 1];
    for (const [got, want] of [
      [await values(gx.tanh(z)), tanh],
      [await values(gx.tan(z)), tan],
    ]) {
      for (let k = 0; k < want.length; k++) expect(Math.abs(got[k] - want[k])).toBeLessThanOrEqual(2e-6 * Math.abs(want[k]) + 1e-30);
    }
    z.dispose();
  });
});

describe('GPU namespace: reductions', () => {
  const a = host([4, 5, 6], 11);
  const ag = toDevice(a);
  for (const name of ['sum', 'prod', 'max', 'min', 'mean', 'var', 'std'] as const) {
    for (const axis of [null, 0, 1, [0, 2], -1] as const) {
      it(`${name} over axis ${JSON.stringify(axis)}`, async () => {
        await same((gx[name] as any)(ag, { axis }), (hx[name] as any)(a, { axis }), 2e-5, 2e-5);
      });
    }
  }
  it('keepdims, correction, any/all, countNonzero', async () => {
    await same(gx.sum(ag, { axis: 1, keepdims: true }), hx.sum(a, { axis: 1, keepdims: true }), 1e-5, 1e-5);
    await same(gx.var(ag, { axis: 0, correction: 1 }), hx.var(a, { axis: 0, correction: 1 }), 1e-5, 1e-5);
    const c = host([3, 7], 12, 'bool');
    const cg = toDevice(c);
    await same(gx.any(cg, { axis: 1 }), hx.any(c, { axis: 1 }));
    await same(gx.all(cg, { axis: 0 }), hx.all(c, { axis: 0 }));
    cg.dispose();
    const i = host([4, 9], 13, 'int32');
    const ig = toDevice(i);
    await same(gx.sum(ig, { axis: 1 }), hx.sum(i, { axis: 1, dtype: 'int32' }));
    ig.dispose();
  });
  it('dispatches beyond 65 535 workgroups per dimension (2-D grid)', async () => {
    const n = 65_536 * 256 + 1024;
    const x = gx.ones([n]);
    const y = gx.multiply(x, 2);
    // every element, including those of workgroups past the first grid row, is 2
    const lo = gx.min(y);
    const hi = gx.max(y);
    expect([...((await lo.toHost()).toTypedArray() as Float32Array), ...((await hi.toHost()).toTypedArray() as Float32Array)]).toEqual([2, 2]);
    for (const t of [x, y, lo, hi]) t.dispose();
  });
  it('long reductions split into chunks and still agree', async () => {
    const big = host([3, 70000], 14, 'float32', 1);
    const bg = toDevice(big);
    await same(gx.sum(bg, { axis: 1 }), hx.sum(big, { axis: 1 }), 1e-4, 1e-3);
    await same(gx.max(bg), hx.max(big));
    const flat = gx.reshape(bg, [-1]);
    await same(gx.mean(flat), hx.mean(hx.reshape(big, [-1])), 1e-4, 1e-5);
    flat.dispose();
    bg.dispose();
  });
});

describe('GPU namespace: matmul, creation, manipulation', () => {
  it('matmul: tiled, batched, broadcast, transposed views', async () => {
    const a = host([2, 70, 33], 21);
    const b = host([33, 65], 22);
    const ag = toDevice(a);
    const bg = toDevice(b);
    await same(gx.matmul(ag, bg), hx.matmul(a, b), 1e-5, 2e-5);
    const at = gx.matrixTranspose(bg);
    await same(gx.matmul(at, gx.matrixTranspose(ag.shape.length ? gx.reshape(ag, [140, 33]) : ag)), hx.matmul(hx.matrixTranspose(b), hx.matrixTranspose(hx.reshape(a, [140, 33]))), 1e-5, 2e-5);
    const v = host([33], 23);
    const vg = toDevice(v);
    await same(gx.matmul(ag, vg), hx.matmul(a, v), 1e-5, 2e-5);
    await same(gx.tensordot(ag, bg, { axes: 1 }), hx.tensordot(a, b, { axes: 1 }), 1e-5, 2e-5);
    await same(gx.vecdot(ag, vg), hx.vecdot(a, v), 1e-5, 2e-5);
    // 8×8 outputs per invocation (128² tiles) with ragged edges
    const big1 = host([130, 40], 26);
    const big2 = host([40, 150], 27);
    await same(gx.matmul(toDevice(big1), toDevice(big2)), hx.matmul(big1, big2), 1e-5, 2e-5);
    const c = host([5, 7], 24, 'complex64');
    const d = host([7, 3], 25, 'complex64');
    await same(gx.matmul(toDevice(c), toDevice(d)), hx.matmul(c, d), 1e-5, 1e-5);
    for (const t of [ag, bg, at, vg]) t.dispose();
  });
  it('creation', async () => {
    await same(gx.arange(2, 11, 3), hx.arange(2, 11, 3, { dtype: 'int32' }));
    await same(gx.arange(0, 1, 0.25), hx.arange(0, 1, 0.25, { dtype: 'float32' }));
    await same(gx.linspace(0, 1, 5), hx.linspace(0, 1, 5, { dtype: 'float32' }));
    await same(gx.eye(3, 4, { k: 1 }), hx.eye(3, 4, { k: 1, dtype: 'float32' }));
    await same(gx.full([2, 2], 7.5), hx.full([2, 2], 7.5, { dtype: 'float32' }));
    await same(gx.zeros([3], { dtype: 'complex64' }), hx.zeros([3], { dtype: 'complex64' }));
    await same(gx.ones([2, 3], { dtype: 'int32' }), hx.ones([2, 3], { dtype: 'int32' }));
    const a = host([4, 4], 31);
    const ag = toDevice(a);
    await same(gx.tril(ag), hx.tril(a));
    await same(gx.triu(ag, { k: 1 }), hx.triu(a, { k: 1 }));
    await same(gx.astype(ag, 'int32'), hx.astype(a, 'int32'));
    ag.dispose();
  });
  it('views and copies', async () => {
    const a = host([2, 3, 4], 41);
    const ag = toDevice(a);
    await same(gx.permuteDims(ag, [2, 0, 1]), hx.permuteDims(a, [2, 0, 1]));
    await same(gx.flip(ag, { axis: 1 }), hx.flip(a, { axis: 1 }));
    await same(gx.roll(ag, [1, -2], { axis: [0, 2] }), hx.roll(a, [1, -2], { axis: [0, 2] }));
    await same(gx.roll(ag, 5), hx.roll(a, 5));
    await same(gx.concat([ag, ag], { axis: 1 }), hx.concat([a, a], { axis: 1 }));
    await same(gx.stack([ag, ag], { axis: -1 }), hx.stack([a, a], { axis: -1 }));
    await same(gx.reshape(gx.permuteDims(ag, [1, 0, 2]), [6, 4]), hx.reshape(hx.permuteDims(a, [1, 0, 2]), [6, 4]));
    await same(gx.moveaxis(ag, 0, -1), hx.moveaxis(a, 0, -1));
    await same(gx.expandDims(ag, 1), hx.expandDims(a, 1));
    await same(gx.tile(ag, [2, 1, 1]), hx.tile(a, [2, 1, 1]));
    await same(gx.repeat(ag, 2, { axis: 2 }), hx.repeat(a, 2, { axis: 2 }));
    await same(gx.broadcastTo(gx.reshape(ag, [1, 2, 3, 4]), [2, 2, 3, 4]), hx.broadcastTo(hx.reshape(a, [1, 2, 3, 4]), [2, 2, 3, 4]));
    await same(gx.diff(ag, { axis: 2 }), hx.diff(a, { axis: 2 }));
    const parts = gx.unstack(ag, { axis: 1 });
    await same(parts[2], hx.unstack(a, { axis: 1 })[2]);
    for (const p of parts) p.dispose();
    ag.dispose();
  });
});

describe('GPU namespace: the same argument errors as the host namespace (the array-api kit)', () => {
  /** The error of a call as [class name, argument, message], or 'returned'. */
  function errorOf(call: () => unknown): [string, unknown, string] | 'returned' {
    try {
      call();
      return 'returned';
    } catch (e) {
      const err = e as { name: string; argument?: unknown; message: string };
      return [err.name, err.argument, err.message];
    }
  }

  it('shape, axes and option errors match in class, argument and wording', () => {
    const h = host([2, 3, 4], 91);
    const g = toDevice(h);
    const calls: [string, (xp: Record<string, (...a: unknown[]) => unknown>, x: unknown) => unknown][] = [
      ['tensordot with too many axes', (xp, x) => xp.tensordot(x, x, { axes: 4 })],
      ['tensordot with unequal contracted axes', (xp, x) => xp.tensordot(x, x, { axes: [[0], [1]] })],
      ['tensordot with a repeated axis', (xp, x) => xp.tensordot(x, x, { axes: [[0, 0], [0, 1]] })],
      ['matmul of misaligned shapes', (xp, x) => xp.matmul(x, x)],
      ['vecdot of a misaligned axis', (xp, x) => xp.vecdot(x, x, { axis: 5 })],
      ['reshape to the wrong size', (xp, x) => xp.reshape(x, [5, -1])],
      ['reshape to null', (xp, x) => xp.reshape(x, null)],
      ['moveaxis with a BigInt', (xp, x) => xp.moveaxis(x, 1n, 0)],
      ['moveaxis with a repeated axis', (xp, x) => xp.moveaxis(x, [0, 0], [1, 2])],
      ['tile with nested repetitions', (xp, x) => xp.tile(x, [[0, 1]])],
      ['squeeze of a long axis', (xp, x) => xp.squeeze(x, 1)],
      ['expandDims with a repeated axis', (xp, x) => xp.expandDims(x, [0, 0])],
      ['flip of a bad axis', (xp, x) => xp.flip(x, { axis: 3 })],
      ['roll with a list of shifts and no axis', (xp, x) => xp.roll(x, [1, 2])],
      ['concat of an empty list', (xp) => xp.concat([])],
      ['concat of mismatched shapes', (xp, x) => xp.concat([x, xp.permuteDims(x, [2, 1, 0])], { axis: 1 })],
      ['stack with a bad axis', (xp, x) => xp.stack([x, x], { axis: 4 })],
      ['sum with a misspelt option', (xp, x) => xp.sum(x, { axs: 0 })],
      ['var with a negative correction', (xp, x) => xp.var(x, { correction: -1 })],
      ['mean with options that are a Map', (xp, x) => xp.mean(x, new Map())],
      ['repeat with a negative count', (xp, x) => xp.repeat(x, -1)],
      ['unstack with a bad axis', (xp, x) => xp.unstack(x, { axis: -4 })],
      ['add of two scalars', (xp) => xp.add(1, 2)],
      ['meshgrid of a 3-D array', (xp, x) => xp.meshgrid(x)],
      ['meshgrid with an unknown indexing', (xp, x) => xp.meshgrid(x, { indexing: 'yx' })],
      ['where with a float condition', (xp, x) => xp.where(x, x, 0)],
      ['matrixTranspose of a 1-D array', (xp, x) => xp.matrixTranspose(xp.reshape(x, [-1]))],
      ['tril of a 1-D array', (xp, x) => xp.tril(xp.reshape(x, [-1]))],
      ['permuteDims with axes that are not a list', (xp, x) => xp.permuteDims(x, 1)],
      ['broadcastTo a smaller rank', (xp, x) => xp.broadcastTo(x, [3, 4])],
      ['broadcastTo a mismatched shape', (xp, x) => xp.broadcastTo(x, [2, 3, 5])],
      ['diff with a bad axis', (xp, x) => xp.diff(x, { axis: 3 })],
      ['isdtype with an unknown kind after a match', (xp) => xp.isdtype('float32', ['float32', 'junk'])],
    ];
    for (const [what, call] of calls) {
      const onHost = errorOf(() => call(hx as never, h));
      const onGPU = errorOf(() => call(gx as never, g));
      expect(onHost, what).not.toBe('returned');
      expect(onGPU, what).toEqual(onHost);
    }
    g.dispose();
  });

  it("functions GPU arrays do not have name 'x', after checking their options", () => {
    const g = toDevice(host([4], 92));
    expect(errorOf(() => gx.sort(g))).toEqual([NotSupportedError.name, 'x', expect.stringContaining('sort is not available on GPU arrays')]);
    expect(errorOf(() => gx.argmax(g, { axs: 0 } as never))).toEqual(['InvalidArgumentError', 'axs', expect.stringContaining("argmax: unknown option 'axs'")]);
    g.dispose();
  });
});
