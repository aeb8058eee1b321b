// The demo's sample image and the conversions from arrays to PNG pictures.
import { asarray } from '@sciport/array-api';
import { encodePng } from './png.mjs';

/** A deterministic size×size test scene: discs and bars of different brightness on mild noise. */
export function sampleImage(size) {
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648; // a fixed LCG, so every run draws the same picture
    return seed / 2147483648 - 0.5;
  };
  const shapes = [
    { kind: 'disc', y: 0.3, x: 0.3, r: 0.12, v: 1 },
    { kind: 'disc', y: 0.7, x: 0.25, r: 0.08, v: 0.8 },
    { kind: 'disc', y: 0.62, x: 0.7, r: 0.16, v: 0.9 },
    { kind: 'bar', y0: 0.1, y1: 0.16, x0: 0.55, x1: 0.92, v: 0.7 },
    { kind: 'bar', y0: 0.2, y1: 0.45, x0: 0.86, x1: 0.9, v: 0.75 },
  ];
  const rows = [];
  for (let i = 0; i < size; i++) {
    const row = [];
    for (let j = 0; j < size; j++) {
      const y = i / size;
      const x = j / size;
      let v = 0.1 + 0.05 * Math.sin(x * 25);
      for (const s of shapes) {
        const inside = s.kind === 'disc' ? (y - s.y) ** 2 + (x - s.x) ** 2 < s.r ** 2 : y >= s.y0 && y < s.y1 && x >= s.x0 && x < s.x1;
        if (inside) v = s.v;
      }
      row.push(v + 0.08 * noise());
    }
    rows.push(row);
  }
  return asarray(rows);
}

/** Grey PNG of a 2-D real array, scaled linearly from its minimum to its maximum. */
export function greyPng(array) {
  const [h, w] = array.shape;
  const values = Float64Array.from(array.toTypedArray(), Number);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const scale = hi > lo ? 255 / (hi - lo) : 0;
  return encodePng(Uint8Array.from(values, (v) => Math.round((v - lo) * scale)), w, h, 1);
}

/** RGB PNG of a label map: background black, each label its own colour (golden-angle hues). */
export function labelPng(labels) {
  const [h, w] = labels.shape;
  const values = labels.toTypedArray();
  const rgb = new Uint8Array(h * w * 3);
  for (let p = 0; p < values.length; p++) {
    const k = Number(values[p]);
    if (k === 0) continue;
    const [r, g, b] = hueToRgb((k * 137.508) % 360);
    rgb.set([r, g, b], 3 * p);
  }
  return encodePng(rgb, w, h, 3);
}

function hueToRgb(hue) {
  const f = (n) => {
    const k = (n + hue / 60) % 6;
    return Math.round(255 * (1 - Math.max(0, Math.min(k, 4 - k, 1))));
  };
  return [f(5), f(3), f(1)];
}
