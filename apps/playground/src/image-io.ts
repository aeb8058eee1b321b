/** Images in and out of the playground: a picture file to grey values, an array to a canvas. */
import { asarray, type NDArray } from '@sciport/array-api';

/** Pictures larger than this on their longer side are scaled down, to keep every backend interactive. */
export const MAX_SIDE = 512;

/** Grey values in [0, 1] (Rec. 601 luma) of an image file, as a float64 [height, width] array. */
export async function greyFromBlob(blob: Blob): Promise<NDArray> {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.drawImage(bitmap, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  const grey = new Float64Array(width * height);
  for (let p = 0; p < grey.length; p++) grey[p] = (0.299 * data[4 * p]! + 0.587 * data[4 * p + 1]! + 0.114 * data[4 * p + 2]!) / 255;
  return asarray(grey, { shape: [height, width] });
}

/** Draws a 2-D real array 1:1 on a canvas, its minimum black and its maximum white. */
export function drawGrey(canvas: HTMLCanvasElement, array: NDArray): void {
  const [height, width] = array.shape as [number, number];
  const values = array.toTypedArray() as ArrayLike<number>;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < values.length; p++) {
    const v = Number(values[p]);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const scale = hi > lo ? 255 / (hi - lo) : 0;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  const image = context.createImageData(width, height);
  for (let p = 0; p < width * height; p++) {
    const g = Math.round((Number(values[p]) - lo) * scale);
    image.data.set([g, g, g, 255], 4 * p);
  }
  context.putImageData(image, 0, 0);
}
