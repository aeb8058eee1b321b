// Host-specific behaviour of the morphology and distance transforms: SciPy's `output`,
// `distances` and `indices` arrays, strided inputs, never writing the input, the result
// forms (tuples, undefined), and the composed functions' export. SciPy's values are in the
// conformance fixtures; these tests compare the host paths with each other.
import { asarray, astype, NDArray, zeros } from '@sciport/array-api';
import { describe, expect, it } from 'vitest';
import {
  binaryDilation,
  binaryErosion,
  binaryFillHoles,
  binaryHitOrMiss,
  distanceTransformCdt,
  distanceTransformEdt,
  generateBinaryStructure,
  greyDilation,
  iterateStructure,
  morphologicalGradient,
  NDIMAGE_COMPOSITIONS,
  ndimageFunction,
  ndimageNames,
  whiteTophat,
} from '../src/index.js';

function blobs(rows: number, cols: number): NDArray {
  return new NDArray(Uint8Array.from({ length: rows * cols }, (_, i) => (Math.sin(3 * i + 1) > -0.3 ? 1 : 0)), [rows, cols], 'bool');
}

describe('binary outputs', () => {
  it('fills a preallocated output of any real dtype with 0/1 and returns it', () => {
    const x = blobs(5, 6);
    const out = zeros([5, 6], { dtype: 'int32' });
    expect(binaryErosion(x, { output: out })).toBe(out);
    expect(out.toArray()).toEqual(astype(binaryErosion(x), 'int32').toArray());
  });

  it('fills the output of the composed functions (hit-or-miss, hole filling)', () => {
    const x = blobs(6, 7);
    const out = zeros([6, 7], { dtype: 'bool' });
    expect(binaryHitOrMiss(x, { output: out })).toBe(out);
    expect(out.toArray()).toEqual(binaryHitOrMiss(x).toArray());
    const filled = zeros([6, 7], { dtype: 'float64' });
    binaryFillHoles(x, { output: filled });
    expect(filled.toArray()).toEqual(astype(binaryFillHoles(x), 'float64').toArray());
  });

  it('never writes the input, and erodes in place when the output is the input', () => {
    const x = blobs(5, 6);
    const before = x.toArray();
    const expected = binaryDilation(x, { iterations: 2 }).toArray();
    expect(x.toArray()).toEqual(before);
    const copy = asarray(before, { dtype: 'bool' });
    binaryDilation(copy, { iterations: 2, output: copy });
    expect(copy.toArray()).toEqual(expected);
  });

  it('reads strided (transposed) inputs', () => {
    const x = blobs(4, 7);
    const transposed = asarray(x.T.toArray(), { dtype: 'bool' }).T;
    expect(binaryErosion(transposed, { structure: generateBinaryStructure(2, 2) }).toArray()).toEqual(
      binaryErosion(x, { structure: generateBinaryStructure(2, 2) }).toArray(),
    );
    expect((distanceTransformEdt(transposed) as NDArray).toArray()).toEqual((distanceTransformEdt(x) as NDArray).toArray());
  });
});

describe('repeated passes', () => {
  it('give the same result from change lists as from brute force, past 255 passes', () => {
    const line = new NDArray(new Uint8Array(700), [700], 'bool');
    (line.data as Uint8Array)[3] = 1;
    for (const iterations of [300, 0]) {
      const sparse = binaryDilation(line, { iterations }).toArray() as boolean[];
      expect(sparse).toEqual(binaryDilation(line, { iterations, bruteForce: true }).toArray());
      expect(sparse.filter(Boolean)).toHaveLength(iterations === 0 ? 700 : 304);
    }
  });
});

describe('grey outputs', () => {
  it('casts a composed result to an output dtype name and fills an output array', () => {
    const x = new NDArray(Uint8Array.from({ length: 30 }, (_, i) => (i * 37) % 251), [5, 6], 'uint8');
    const asFloat = whiteTophat(x, { size: 3, output: 'float32' }) as NDArray;
    expect(asFloat.dtype).toBe('float32');
    const out = zeros([5, 6], { dtype: 'float32' });
    expect(whiteTophat(x, { size: 3, output: out })).toBe(out);
    expect(out.toArray()).toEqual(asFloat.toArray());
    const gradient = morphologicalGradient(x, { size: 3 }) as NDArray;
    expect(gradient.dtype).toBe('uint8');
    expect(greyDilation(x, { size: 3 }).dtype).toBe('uint8');
    // a bool output for bool input (the top-hat is then an exclusive or)
    const b = new NDArray(Uint8Array.from({ length: 30 }, (_, i) => i % 3 === 0 ? 1 : 0), [5, 6], 'bool');
    const flags = zeros([5, 6], { dtype: 'bool' });
    expect(whiteTophat(b, { size: 2, output: flags })).toBe(flags);
    expect(flags.toArray()).toEqual((whiteTophat(b, { size: 2 }) as NDArray).toArray());
  });
});

describe('distance transform results', () => {
  it('returns [distances, indices], one of them, or undefined when both went into given arrays', () => {
    const x = blobs(5, 6);
    const both = distanceTransformEdt(x, { returnIndices: true }) as [NDArray, NDArray];
    expect(both[0].dtype).toBe('float64');
    expect(both[1].dtype).toBe('int32');
    expect(both[1].shape).toEqual([2, 5, 6]);
    const distances = zeros([5, 6], { dtype: 'float64' });
    const indices = zeros([2, 5, 6], { dtype: 'int32' });
    expect(distanceTransformEdt(x, { returnIndices: true, distances, indices })).toBeUndefined();
    expect(distances.toArray()).toEqual(both[0].toArray());
    expect(indices.toArray()).toEqual(both[1].toArray());
    const onlyIndices = distanceTransformEdt(x, { returnIndices: true, distances }) as NDArray;
    expect(onlyIndices.toArray()).toEqual(both[1].toArray());
    const cdt = distanceTransformCdt(x) as NDArray;
    expect(cdt.dtype).toBe('int32');
  });
});

describe('structures', () => {
  it('iterateStructure returns the scaled origin with the structure when given one (iterations ≥ 2)', () => {
    const s = generateBinaryStructure(2, 1);
    const [grown, origin] = iterateStructure(s, 3, { origin: [1, -1] }) as [NDArray, number[]];
    expect(grown.shape).toEqual([7, 7]);
    expect(origin).toEqual([3, -3]);
    expect((iterateStructure(s, 1, { origin: 1 }) as NDArray).toArray()).toEqual(s.toArray());
  });

  it('describes the morphology in the table', () => {
    expect(ndimageFunction('binaryErosion')).toMatchObject({ kind: 'binary-morphology', axes: 'axes', args: [] });
    expect(ndimageFunction('greyOpening')).toMatchObject({ kind: 'grey-morphology', axes: 'axes' });
    expect(ndimageFunction('greyOpening').options).toEqual(expect.arrayContaining(['size', 'footprint', 'structure', 'mode', 'cval']));
    expect(ndimageFunction('distanceTransformEdt')).toMatchObject({ kind: 'distance', axes: 'none' });
    expect(ndimageFunction('generateBinaryStructure')).toMatchObject({ kind: 'structure', args: ['rank', 'connectivity'] });
    expect(ndimageFunction('distanceTransformCdt').options).not.toContain('sampling');
  });

  it('exports every composed function, each a declared function of the table', () => {
    const names = ndimageNames();
    for (const name of Object.keys(NDIMAGE_COMPOSITIONS)) expect(names).toContain(name);
    expect(Object.keys(NDIMAGE_COMPOSITIONS)).toHaveLength(11);
  });
});

// The fuzz suite found both: a huge iteration count ran for hours or ended in a RangeError.
describe('huge iteration counts', () => {
  it('binaryErosion/Dilation stop at the first pass that changes nothing (the result is then fixed)', () => {
    const x = blobs(6, 7);
    const stable = binaryErosion(x, { iterations: -1 }).toArray();
    expect(binaryErosion(x, { iterations: 2 ** 40 }).toArray()).toEqual(stable);
    expect(binaryDilation(x, { iterations: 2 ** 40, bruteForce: true }).toArray()).toEqual(binaryDilation(x, { iterations: 0 }).toArray());
  });

  it('iterateStructure refuses a result no buffer holds (ShapeError naming iterations), and a 1×1 structure stays 1×1', () => {
    expect(() => iterateStructure([[0, 1, 0], [1, 1, 1], [0, 1, 0]], 1e9)).toThrow(
      expect.objectContaining({ name: 'ShapeError', argument: 'iterations' }),
    );
    expect((iterateStructure([[1]], 2 ** 40) as NDArray).toArray()).toEqual([[true]]);
  });
});
