/**
 * The cluster backend's implementations of @sciport/fft. A transform along an axis rechunks
 * so that axis is whole and maps the host transform over blocks of the other axes; n-D
 * transforms compose 1-D passes (see nd-plan.ts), those of real input as the host does them
 * (real-input.ts). Workers run the very same host code, addressed by the multimethod's stable
 * id, so results match the host to the last digit (in double precision: single-precision passes
 * round their intermediate results, see the README).
 */
import { isComplexDtype, packedMap } from '@sciport/array-api';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import {
  checkSize,
  DCT_KEYS,
  DCTN_KEYS,
  FFT_KEYS,
  FFTN_KEYS,
  FHT_KEYS,
  initRequestedShapeAndAxes,
  normalizeAxis,
  readOptions,
  TWO_D_AXES,
} from '@sciport/fft/backend-kit';
import type { FFTFunction } from '@sciport/fft';
import type { ChunkedArray } from '../chunked/chunked-array.js';
import { probeArray, withoutBackend } from '../chunked/ops/common.js';
import type { Chunks } from '../chunked/grid.js';
import { alongAxis, hostFunction } from './along-axis.js';
import { type NdKind, passLayout, planPasses } from './nd-plan.js';
import { spectrumOfReal } from './real-input.js';

/** Options the per-block call does not need: the backend choice was made on the host. */
function forWorkers(options: Record<string, unknown> | undefined): Record<string, unknown> {
  return withoutBackend(options ?? {});
}

/** A 1-D transform (fft, rfft, dct, …) on a chunked array. */
export function oneD(name: string, r2r = false) {
  return (x: unknown, options?: object): ChunkedArray => {
    const c = x as unknown as ChunkedArray;
    const opts = forWorkers(readOptions(options as Record<string, unknown> | undefined, r2r ? DCT_KEYS : FFT_KEYS, name));
    if (c.ndim === 0) {
      // Let the host produce SciPy's error for 0-d input.
      hostFunction(name)(probeArray([], c.dtype), opts);
    }
    const axis = normalizeAxis(opts.axis ?? -1, c.ndim);
    return alongAxis(c, name, axis, { ...opts, axis });
  };
}

/** An n-D transform (fftn, rfft2, dctn, …) as 1-D passes. */
export function nD(name: string, kind: NdKind, oneDName: string, othersName: string, twoD: boolean, r2r = false) {
  return (x: unknown, options?: object): ChunkedArray => {
    let c = x as ChunkedArray;
    const opts = forWorkers(readOptions(options as Record<string, unknown> | undefined, r2r ? DCTN_KEYS : FFTN_KEYS, name));
    const { s, axes, ...rest } = opts;
    const plan = initRequestedShapeAndAxes(c.shape, s, axes, twoD ? TWO_D_AXES : undefined);
    if (plan.axes.length === 0) {
      if (kind === 'r2c' || kind === 'c2r') {
        throw new InvalidArgumentError(`${name}: at least 1 axis must be transformed.`, {
          argument: 'axes',
          hint: 'Pass a non-empty axes list, or leave axes unset for all axes.',
        });
      }
      return c;
    }
    const full = [...c.shape];
    plan.axes.forEach((a, i) => {
      full[a] = plan.shape[i] ?? c.shape[a];
    });
    checkSize(full, 's');
    const sGiven = s !== undefined && s !== null;
    if (r2r && (rest.type ?? 2) === 1 && oneDName.endsWith('dct')) {
      for (const [i, a] of plan.axes.entries()) {
        const n = plan.shape[i] ?? c.shape[a];
        if (n < 2) {
          throw new InvalidArgumentError(`${name}: the type-1 DCT needs at least 2 points, got ${n}.`, {
            argument: sGiven ? 's' : 'x',
            hint: 'Use a longer input (or s >= 2), or another DCT type.',
          });
        }
      }
    }
    if (kind === 'c2c' && !isComplexDtype(c.dtype) && plan.axes.length > 1 && full.every((v) => v > 0)) {
      return spectrumOfReal(c, plan.axes, full, rest, oneDName === 'fft');
    }
    const whole = new Set(packedMap(c.chunks, (ch, d) => (ch.length === 1 ? d : -1)).filter((d) => d >= 0));
    const passes = planPasses(kind, oneDName, othersName, plan.axes, plan.shape, whole);
    let grid: Chunks | undefined;
    passes.forEach((pass, i) => {
      const next = passes[i + 1];
      const layout = passLayout(grid, pass.axis, next === undefined ? undefined : new Set([next.axis]), c.cluster.parallelism, (planned) => {
        grid = planned;
      });
      const result = alongAxis(c, pass.name, pass.axis, { ...rest, axis: pass.axis, n: pass.n }, [], layout);
      // A pass's output that only the next pass reads is freed once that pass has read it.
      if (c !== x) c.dispose();
      c = result;
    });
    return c;
  };
}

/**
 * The cluster's strategy for one row of the fft table: 1-D transforms rechunk their axis
 * whole; n-D transforms run as 1-D passes, the first (along the last transformed axis) the
 * row's own line transform and the others complex ones (real-to-real kinds: the same line).
 */
export function strategyFor(f: FFTFunction): (...args: any[]) => ChunkedArray {
  if (f.kind === 'hankel') return hankel(f.name as 'fht' | 'ifht');
  const r2r = f.kind === 'r2r';
  if (f.axes === 'axis') return oneD(f.name, r2r);
  const others = r2r ? f.line : f.inverse ? 'ifft' : 'fft';
  return nD(f.name, f.kind, f.line, others, f.axes === 'two', r2r);
}

/** fht/ifht along the last axis: (a, dln, mu, { offset, bias }). */
export function hankel(name: 'fht' | 'ifht') {
  return (a: unknown, dln: number, mu: number, options?: object): ChunkedArray => {
    const c = a as unknown as ChunkedArray;
    const opts = forWorkers(readOptions(options as Record<string, unknown> | undefined, FHT_KEYS, name));
    if (c.ndim === 0) throw new InvalidArgumentError(`${name} needs at least one dimension.`, { argument: 'a' });
    return alongAxis(c, name, c.ndim - 1, opts, [dln, mu]);
  };
}
