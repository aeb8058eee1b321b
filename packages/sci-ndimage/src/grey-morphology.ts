/**
 * greyErosion and greyDilation on host arrays. A flat structuring element (`size` or
 * `footprint`) is the minimum / maximum filter (rank.ts: Harter's sliding-window passes
 * for boxes, a footprint scan otherwise); dilation mirrors the footprint and its origin
 * (one less along even-length axes), as SciPy. A non-flat `structure` adds its values
 * (dilation) or subtracts them (erosion) before comparing, in SciPy's arithmetic: the
 * first element's sum is kept in double precision; every other structure value is first
 * converted to the input's dtype and the sum stored in it (so fractions truncate and
 * integer sums can wrap); the extreme is stored in the output's dtype.
 */
import { type DType, dtypeInfo, type NDArray, readOptions } from '@sciport/array-api';
import { finishReal, readInput, requireReal } from './filter-io.js';
import { footprintOffsets, fullRankWindow, padPlane } from './footprint-pass.js';
import { greyWindow, mirrored, readNonFlatStructure } from './grey-window.js';
import { GREY_MORPHOLOGY_KEYS, type GreyMorphologyOptions } from './morphology-options.js';
import { checkCval, checkOriginRange } from './options.js';
import { resolveOutput } from './output.js';
import { forEachLine } from './padded-lines.js';
import { readPlane } from './planes.js';
import { maximumFilterHost, minimumFilterHost } from './rank.js';

/**
 * How a value is stored in `dtype` by C's conversion. NumPy's bool is an unsigned char in
 * SciPy's C code, so a sum stored in it truncates (0.5 → 0) and can exceed 1.
 */
function storeIn(dtype: DType): (v: number) => number {
  if (dtype === 'float64') return (v) => v;
  if (dtype === 'float32') return Math.fround;
  if (dtype === 'int64' || dtype === 'uint64') return (v) => (Number.isFinite(v) ? Math.trunc(v) : 0);
  const cell = new (dtypeInfo(dtype).storage as Int32ArrayConstructor)(1);
  return (v) => {
    cell[0] = v;
    return cell[0];
  };
}

function greyMorphology(fn: string, input: unknown, options: GreyMorphologyOptions | undefined, dilate: boolean): NDArray {
  const o = readOptions(options, GREY_MORPHOLOGY_KEYS, fn);
  const x = readInput(input);
  requireReal(x, fn);
  const { axes, origins, footprint, structure } = greyWindow(fn, o, x.ndim, dilate);
  if (structure === null) {
    const filter = dilate ? maximumFilterHost : minimumFilterHost;
    const window = footprint === null ? { size: o.size } : { footprint: dilate ? mirrored(footprint) : footprint };
    return filter(x, { ...window, output: o.output, mode: o.mode, cval: o.cval, origin: origins, axes: o.axes });
  }
  return nonFlat(x, o, axes, dilate ? mirrored(structure) : structure, footprint, origins, dilate);
}

function nonFlat(
  x: NDArray,
  o: GreyMorphologyOptions,
  axes: readonly number[],
  structure: NDArray,
  footprintArray: NDArray | null,
  origins: readonly number[],
  dilate: boolean,
): NDArray {
  const { values, mask: fmask, mode } = readNonFlatStructure(o, axes, structure, footprintArray, dilate);
  const cval = checkCval(o.cval, false);
  const target = resolveOutput(x, o.output, false);
  const { shape: fshape, origins: full } = fullRankWindow(x.ndim, axes, structure.shape, origins);
  for (let d = 0; d < fshape.length; d++) checkOriginRange(full[d], fshape[d]);
  // float64 data is read in place, and a contiguous float64 output is written in place
  const plane = x.dtype === 'float64' && x.isContiguous ? (x.data as Float64Array).subarray(x.offset, x.offset + x.size) : readPlane(x);
  if (plane.length === 0) return finishReal(target, new Float64Array(0));
  const store = storeIn(x.dtype);
  // the fill value in the input's dtype, as C converts it (a bool cval of 7 stays 7)
  const { padded, pstride } = padPlane(plane, x.shape, fshape, full, mode, store(cval[0]));
  const offsets = footprintOffsets(fshape, (k) => fmask[k] === 1, pstride);
  // the structure's values under the footprint, negated for erosion (SciPy's C code)
  const added = Float64Array.from(values.filter((_, k) => fmask[k] === 1), (v) => (dilate ? v : -v));
  // SciPy's C code converts every value but the first to the input's dtype before adding it
  const addedStored = added.map(store);
  const count = offsets.length;
  const direct = target.dtype === 'float64' && target.array.isContiguous;
  const result = direct ? (target.array.data as Float64Array).subarray(target.array.offset, target.array.offset + plane.length) : new Float64Array(plane.length);
  const exact = x.dtype === 'float64';
  // window by window along each line of the last axis (its padded stride is 1)
  forEachLine(x.shape, pstride, 0, (b0, k0, n) => {
    for (let j = 0; j < n; j++) {
      const base = b0 + j;
      let res = padded[base + offsets[0]] + added[0];
      for (let t = 1; t < count; t++) {
        const sum = padded[base + offsets[t]] + addedStored[t];
        const v = exact ? sum : store(sum);
        if (dilate ? v > res : v < res) res = v;
      }
      result[k0 + j] = res;
    }
  });
  if (direct) return target.array;
  // a bool output stores the unsigned char C writes (so 0.5 is false)
  if (target.dtype === 'bool') result.set(new Uint8Array(result));
  return finishReal(target, result);
}

export function greyErosionHost(input: unknown, options?: GreyMorphologyOptions): NDArray {
  return greyMorphology('greyErosion', input, options, false);
}

export function greyDilationHost(input: unknown, options?: GreyMorphologyOptions): NDArray {
  return greyMorphology('greyDilation', input, options, true);
}
