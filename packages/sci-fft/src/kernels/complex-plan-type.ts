/** The interface every complex FFT plan implements (the WebAssembly and TypeScript ones alike). */

/** Complex FFT of length n on interleaved (re,im) float64 data, in place, unnormalised, then multiplied by `scale`. */
export interface ComplexPlan {
  readonly n: number;
  /** data[offset .. offset+2n) holds n complex values. forward: exp(-2πi jk/n); backward: exp(+2πi jk/n). */
  execute(data: Float64Array, offset: number, forward: boolean, scale: number): void;
  /**
   * The same transform on `count` lines at once: element j of line l is the complex value
   * at data[offset + 2·(l·lineStride + j·elemStride)] (strides count complex values and
   * may be negative; lines must not overlap). Much faster than a loop of execute() calls
   * for strided lines (e.g. the columns of a row-major matrix) and for many short lines.
   */
  executeMany(
    data: Float64Array,
    offset: number,
    count: number,
    lineStride: number,
    elemStride: number,
    forward: boolean,
    scale: number,
  ): void;
}
