/** uniformFilter1d and uniformFilter: the mean over a box, SciPy's running sum along each axis. */
import { isComplexDtype, type NDArray, readOptions } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';
import { readInput } from './filter-io.js';
import { uniformKernel } from './line-kernels.js';
import { windowExtension } from './line-pass.js';
import { checkMode } from './modes.js';
import {
  checkAxes,
  checkCval,
  checkOriginRange,
  checkOriginValue,
  checkSize,
  FILTER_1D_KEYS,
  type Filter1dOptions,
  UNIFORM_KEYS,
  type UniformFilterOptions,
} from './options.js';
import { resolveOutput } from './output.js';
import { perAxis } from './per-axis.js';
import { type Pass, runSeparable } from './separable.js';
import { checkWindow } from './window-limit.js';

export function uniformFilter1dHost(input: unknown, size: number, options?: Filter1dOptions): NDArray {
  const o = readOptions(options, FILTER_1D_KEYS, 'uniformFilter1d');
  const x = readInput(input);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const n = checkSize(size);
  const mode = checkMode(o.mode);
  const origin = checkOriginValue(o.origin);
  checkOriginRange(origin, n);
  checkWindow([n], [x.shape[axis]], 'size');
  const complexInput = isComplexDtype(x.dtype);
  const cval = checkCval(o.cval, complexInput);
  const target = resolveOutput(x, o.output, complexInput);
  const pass: Pass = { axis, extension: (c) => windowExtension(n, origin, mode, c), kernel: uniformKernel(n) };
  return runSeparable(x, target, cval, [pass]);
}

export function uniformFilterHost(input: unknown, options?: UniformFilterOptions): NDArray {
  const o = readOptions(options, UNIFORM_KEYS, 'uniformFilter');
  const x = readInput(input);
  const axes = checkAxes(o.axes, x.ndim);
  const sizes = perAxis(o.size ?? 3, axes.length, 'size', checkSize);
  const modes = perAxis(o.mode, axes.length, 'mode', checkMode);
  const origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  checkWindow(sizes, axes.map((a) => x.shape[a]), 'size');
  const complexInput = isComplexDtype(x.dtype);
  const cval = checkCval(o.cval, complexInput);
  const target = resolveOutput(x, o.output, complexInput);
  const passes: Pass[] = [];
  axes.forEach((axis, i) => {
    if (sizes[i] <= 1) return; // SciPy leaves size-1 axes unfiltered
    checkOriginRange(origins[i], sizes[i]);
    passes.push({ axis, extension: (c) => windowExtension(sizes[i], origins[i], modes[i], c), kernel: uniformKernel(sizes[i]) });
  });
  return runSeparable(x, target, cval, passes);
}
