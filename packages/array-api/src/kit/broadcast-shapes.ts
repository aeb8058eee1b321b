/**
 * The standard's broadcasting rule: shapes align on the right; a dimension of size 1
 * stretches to the other's size.
 */
import { ShapeError } from '@sciport/dispatch-core';
import { shapeToString } from '../layout.js';

/** The shape the given shapes broadcast to (NumPy's `broadcast_shapes`); a ShapeError when they do not. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    const off = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const n = s[i];
      const cur = out[off + i];
      if (n === cur || n === 1) continue;
      if (cur === 1) out[off + i] = n;
      else {
        throw new ShapeError(
          `Shapes ${shapes.map(shapeToString).join(', ')} cannot be broadcast together (axis ${off + i - nd}: ${cur} vs ${n}).`,
          { argument: 'shapes', hint: 'Dimensions must be equal or 1 when aligned from the right; reshape or expandDims one operand.' },
        );
      }
    }
  }
  return out;
}
