/**
 * The layout of expandDims as a view: a size-1 axis (stride 0) at each of `positions`
 * (the kit's expandDimsAxes), the array's own axes, in order, around them.
 */
export function expandDimsView(
  shape: readonly number[],
  stride: readonly number[],
  positions: readonly number[],
): { shape: number[]; stride: number[] } {
  const outShape: number[] = [];
  const outStride: number[] = [];
  let src = 0;
  for (let d = 0; d < shape.length + positions.length; d++) {
    if (positions.includes(d)) {
      outShape.push(1);
      outStride.push(0);
    } else {
      outShape.push(shape[src]);
      outStride.push(stride[src]);
      src++;
    }
  }
  return { shape: outShape, stride: outStride };
}
