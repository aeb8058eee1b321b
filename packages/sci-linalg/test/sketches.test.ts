/**
 * clarksonWoodruffTransform: NumPy's random draws are not reproduced, so instead of SciPy's
 * values these tests check what every CountSketch S·A satisfies: its shape, that S has one
 * ±1 per column (every input row added once, whole, with a sign), repeatability for a
 * seed, E‖S A x‖² = ‖A x‖², and SciPy's result dtypes and errors (from SciPy 1.17, quoted).
 */
import { astype, type DType, NDArray } from '@sciport/array-api';
import { SciportError } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import { clarksonWoodruffTransform } from '../src/index.js';

function matrix(rows: number, cols: number, values: (i: number, j: number) => number, dtype: DType = 'float64'): NDArray {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = values(i, j);
  const x = new NDArray(data, [rows, cols], 'float64');
  return dtype === 'float64' ? x : astype(x, dtype);
}

const identity = (n: number) => matrix(n, n, (i, j) => (i === j ? 1 : 0));
const values = (x: NDArray) => Array.from(x.toTypedArray() as Float64Array);

/** S (k×n) from the sketch of the n×n identity with the same seed. */
function sketchMatrix(n: number, k: number, seed: number): number[] {
  return values(clarksonWoodruffTransform(identity(n), k, { seed }));
}

function rejects(f: () => unknown, name: string, argument: string): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SciportError);
    expect((e as Error).name).toBe(name);
    expect((e as SciportError).argument).toBe(argument);
    return;
  }
  throw new Error('expected an error');
}

describe('clarksonWoodruffTransform', () => {
  it('returns [..., sketchSize, d]', () => {
    expect(clarksonWoodruffTransform(matrix(15, 4, (i, j) => i + j), 6, { seed: 1 }).shape).toEqual([6, 4]);
    // SciPy: a sketch larger than the input is allowed (shape (10, 3) for a 4×3 input)
    expect(clarksonWoodruffTransform(matrix(4, 3, (i, j) => i - j), 10, { seed: 1 }).shape).toEqual([10, 3]);
    const stack = new NDArray(new Float64Array(2 * 5 * 3).fill(1), [2, 5, 3], 'float64');
    expect(clarksonWoodruffTransform(stack, 2, { seed: 1 }).shape).toEqual([2, 2, 3]);
    // SciPy: np.zeros((0, 3)) sketches to zeros (2, 3); np.zeros((4, 0)) to shape (2, 0)
    expect(values(clarksonWoodruffTransform(new NDArray(new Float64Array(0), [0, 3], 'float64'), 2))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(clarksonWoodruffTransform(new NDArray(new Float64Array(0), [4, 0], 'float64'), 2).shape).toEqual([2, 0]);
  });

  it('adds every input row, whole, to exactly one output row with a sign of ±1', () => {
    const n = 40;
    const k = 7;
    for (const seed of [0, 1, 12345, 2 ** 40 + 3]) {
      const s = sketchMatrix(n, k, seed);
      for (let col = 0; col < n; col++) {
        const nonzero = Array.from({ length: k }, (_, r) => s[r * n + col]).filter((v) => v !== 0);
        expect(nonzero.length).toBe(1);
        expect(Math.abs(nonzero[0])).toBe(1);
      }
      // S·A for another A with the same seed is exactly the product with that S
      const d = 3;
      const a = matrix(n, d, (i, j) => Math.sin(i * 3 + j) * 10);
      const sa = values(clarksonWoodruffTransform(a, k, { seed }));
      const av = values(a);
      for (let r = 0; r < k; r++) {
        for (let j = 0; j < d; j++) {
          let sum = 0;
          for (let i = 0; i < n; i++) sum += s[r * n + i] * av[i * d + j];
          expect(sa[r * d + j]).toBeCloseTo(sum, 12);
        }
      }
    }
  });

  it('sketches every matrix of a stack with the same S, as SciPy', () => {
    const n = 6;
    const data = Float64Array.from({ length: 2 * n * 2 }, (_, i) => i + 1);
    const sketch = values(clarksonWoodruffTransform(new NDArray(data, [2, n, 2], 'float64'), 3, { seed: 9 }));
    const first = values(clarksonWoodruffTransform(new NDArray(data.slice(0, 2 * n), [n, 2], 'float64'), 3, { seed: 9 }));
    const second = values(clarksonWoodruffTransform(new NDArray(data.slice(2 * n), [n, 2], 'float64'), 3, { seed: 9 }));
    expect(sketch).toEqual([...first, ...second]);
  });

  it('is repeatable for a seed, and differs between seeds', () => {
    const a = matrix(30, 5, (i, j) => i * 0.5 - j);
    const once = values(clarksonWoodruffTransform(a, 8, { seed: 42 }));
    expect(values(clarksonWoodruffTransform(a, 8, { seed: 42 }))).toEqual(once);
    expect(values(clarksonWoodruffTransform(a, 8, { seed: 43 }))).not.toEqual(once);
  });

  it('takes the targets, then the signs, from an rng', () => {
    // 3 rows into 2: targets from 0.1, 0.9, 0.6 (rows 0, 1, 1), signs from 0.2, 0.7, 0.4 (+, −, +)
    const draws = [0.1, 0.9, 0.6, 0.2, 0.7, 0.4];
    let next = 0;
    const a = matrix(3, 2, (i, j) => 10 * i + j + 1);
    const sketch = clarksonWoodruffTransform(a, 2, { rng: () => draws[next++] });
    expect(values(sketch)).toEqual([1, 2, 31 - 21, 32 - 22]);
  });

  it('keeps squared norms in expectation: mean ‖S A x‖² / ‖A x‖² ≈ 1 over many seeds', () => {
    const n = 60;
    const d = 4;
    const a = matrix(n, d, (i, j) => Math.cos(i * 1.3 + j * 0.7) + (i % 5) * 0.1);
    const x = [0.5, -1, 2, 0.25];
    const ax = values(a).reduce<number[]>((acc, v, p) => {
      acc[Math.floor(p / d)] = (acc[Math.floor(p / d)] ?? 0) + v * x[p % d];
      return acc;
    }, []);
    const norm2 = ax.reduce((s, v) => s + v * v, 0);
    let mean = 0;
    const trials = 600;
    for (let seed = 0; seed < trials; seed++) {
      const sa = values(clarksonWoodruffTransform(a, 12, { seed }));
      let sq = 0;
      for (let r = 0; r < 12; r++) {
        let v = 0;
        for (let j = 0; j < d; j++) v += sa[r * d + j] * x[j];
        sq += v * v;
      }
      mean += sq / norm2 / trials;
    }
    // CountSketch is unbiased; the ratio's standard deviation is about √(2/12), so the mean of 600 is within ±0.07 at 4σ
    expect(Math.abs(mean - 1)).toBeLessThan(0.07);
  });

  it('has the dtype of SciPy’s sparse product with int64 signs', () => {
    // SciPy 1.17: float32 → float64, int32/int8/uint32/bool → int64, uint64 → float64, complex64 → complex128
    const expected: [DType, DType][] = [
      ['float64', 'float64'],
      ['float32', 'float64'],
      ['int32', 'int64'],
      ['int8', 'int64'],
      ['uint32', 'int64'],
      ['bool', 'int64'],
      ['int64', 'int64'],
      ['uint64', 'float64'],
      ['complex64', 'complex128'],
      ['complex128', 'complex128'],
    ];
    for (const [input, output] of expected) {
      const a = matrix(4, 3, (i, j) => (i + j) % 2, input);
      expect(clarksonWoodruffTransform(a, 2, { seed: 0 }).dtype).toBe(output);
    }
    // the integer sketch is exact: the float and int64 sketches of the same values agree
    const ints = matrix(9, 2, (i, j) => 1000 * i - 7 * j, 'int32');
    const asInt = clarksonWoodruffTransform(ints, 3, { seed: 5 }).toTypedArray() as BigInt64Array;
    const asFloat = values(clarksonWoodruffTransform(astype(ints, 'float64'), 3, { seed: 5 }));
    expect(Array.from(asInt, Number)).toEqual(asFloat);
  });

  it('refuses bad input as SciPy does, naming the argument', () => {
    const a = matrix(4, 3, (i, j) => i + j);
    // SciPy: sketch_size 0 or -1 → ValueError (high <= 0); 2.5 → TypeError
    rejects(() => clarksonWoodruffTransform(a, 0), 'InvalidArgumentError', 'sketchSize');
    rejects(() => clarksonWoodruffTransform(a, -1), 'InvalidArgumentError', 'sketchSize');
    rejects(() => clarksonWoodruffTransform(a, 2.5), 'InvalidArgumentError', 'sketchSize');
    rejects(() => clarksonWoodruffTransform(a, '2' as never), 'InvalidArgumentError', 'sketchSize');
    // SciPy: a 1-D or 0-d input → IndexError (it reads input_matrix.shape[-2])
    rejects(() => clarksonWoodruffTransform([1, 2, 3, 4], 2), 'ShapeError', 'inputMatrix');
    rejects(() => clarksonWoodruffTransform(3, 2), 'ShapeError', 'inputMatrix');
    // SciPy: np.ones((0, 4, 3)) → ValueError, zero-size batches are not supported
    rejects(() => clarksonWoodruffTransform(new NDArray(new Float64Array(0), [0, 4, 3], 'float64'), 2), 'ShapeError', 'inputMatrix');
    rejects(() => clarksonWoodruffTransform(a, 2, { seed: -1 }), 'InvalidArgumentError', 'seed');
    rejects(() => clarksonWoodruffTransform(a, 2, { seed: 1.5 }), 'InvalidArgumentError', 'seed');
    rejects(() => clarksonWoodruffTransform(a, 2, { seed: 1, rng: Math.random }), 'InvalidArgumentError', 'rng');
    rejects(() => clarksonWoodruffTransform(a, 2, { rng: 3 as never }), 'InvalidArgumentError', 'rng');
    rejects(() => clarksonWoodruffTransform(a, 2, { rng: () => 1 }), 'InvalidArgumentError', 'rng');
    rejects(() => clarksonWoodruffTransform(a, 2, { sede: 1 } as never), 'InvalidArgumentError', 'sede');
  });

  it('never writes into its input, and accepts nested lists', () => {
    const a = matrix(5, 2, (i, j) => i * 2 + j);
    const before = values(a);
    clarksonWoodruffTransform(a, 3, { seed: 2 });
    expect(values(a)).toEqual(before);
    expect(clarksonWoodruffTransform([[1, 2], [3, 4]], 1).shape).toEqual([1, 2]);
  });
});
