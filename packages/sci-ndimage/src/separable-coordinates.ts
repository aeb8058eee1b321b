/**
 * The input coordinates of the separable transforms (shift, zoom, an affine transform with
 * a diagonal matrix): along each axis, one list indexed by the output index, in SciPy's
 * arithmetic, shared by every backend so that all of them interpolate at the same points.
 */

/** The input coordinates `coordinate(k)` of output indices k = 0 … length − 1. */
function axisCoordinates(length: number, coordinate: (k: number) => number): Float64Array {
  return Float64Array.from({ length }, (_, k) => coordinate(k));
}

/** shift: output index k reads input coordinate k − shift. */
export function shiftCoordinates(shape: readonly number[], shifts: readonly number[]): Float64Array[] {
  return shape.map((n, d) => axisCoordinates(n, (k) => k + -shifts[d]));
}

/** Python's round(): half to even. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** zoom's output shape: round(n · zoom) per axis, as SciPy. */
export function zoomShape(shape: readonly number[], zooms: readonly number[]): number[] {
  return shape.map((n, d) => roundHalfEven(n * zooms[d]));
}

/** zoom's coordinates from an input of `shape` to an output of `outShape`: pixel centres, or pixel edges in grid mode. */
export function zoomCoordinates(shape: readonly number[], outShape: readonly number[], gridMode: boolean): Float64Array[] {
  return outShape.map((m, d) => {
    // the ratio of the input's and output's extents
    const span = gridMode ? m : m - 1;
    const ratio = span !== 0 ? (gridMode ? shape[d] : shape[d] - 1) / span : 1;
    return axisCoordinates(m, gridMode ? (k) => (k + 0.5) * ratio - 0.5 : (k) => k * ratio);
  });
}

/** An affine transform with a diagonal matrix: SciPy's zoom-and-shift form (k + offset/scale)·scale; a zero scale maps every k to offset. */
export function diagonalCoordinates(outShape: readonly number[], diagonal: ArrayLike<number>, offset: readonly number[]): Float64Array[] {
  return outShape.map((m, d) => {
    const scale = diagonal[d];
    const shift = offset[d] / scale;
    return axisCoordinates(m, (k) => (scale === 0 ? offset[d] : (k + shift) * scale));
  });
}
