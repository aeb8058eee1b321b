/**
 * SciPy's boundary modes: how a filter sees the input beyond its edges. For filters
 * (unlike interpolation) the `grid-*` names are aliases: `grid-mirror` is `reflect`,
 * `grid-wrap` is `wrap`, `grid-constant` is `constant`.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { describe } from '@sciport/array-api/kit';

export type BoundaryMode = 'reflect' | 'constant' | 'nearest' | 'mirror' | 'wrap' | 'grid-constant' | 'grid-mirror' | 'grid-wrap';

/** Every mode name SciPy's filters accept. */
export const BOUNDARY_MODES: readonly BoundaryMode[] = Object.freeze([
  'reflect',
  'constant',
  'nearest',
  'mirror',
  'wrap',
  'grid-constant',
  'grid-mirror',
  'grid-wrap',
]);

/** The five extensions the filters implement (each `grid-*` name maps to one). */
export type Extension = 'reflect' | 'constant' | 'nearest' | 'mirror' | 'wrap';

const EXTENSION: Record<BoundaryMode, Extension> = {
  reflect: 'reflect',
  'grid-mirror': 'reflect',
  constant: 'constant',
  'grid-constant': 'constant',
  nearest: 'nearest',
  mirror: 'mirror',
  wrap: 'wrap',
  'grid-wrap': 'wrap',
};

/** A validated mode name, as the extension it stands for. */
export function checkMode(mode: unknown, argument = 'mode'): Extension {
  if (mode === undefined) return 'reflect';
  if (typeof mode === 'string' && Object.hasOwn(EXTENSION, mode)) return EXTENSION[mode as BoundaryMode];
  throw new InvalidArgumentError(`Unknown boundary mode ${describe(mode)}.`, {
    argument,
    hint: `Use one of ${BOUNDARY_MODES.join(', ')}.`,
  });
}

/**
 * Where coordinate `cc` of an axis of length `len` reads from: an index in [0, len), or -1
 * for "outside, use cval" (constant mode). Reflect repeats the edge (`dcba|abcd|dcba`,
 * period 2·len), mirror does not (`dcb|abcd|cba`, period 2·len − 2); an axis of length 1
 * extends as its only value in every mode but constant.
 */
export function mapIndex(cc: number, len: number, mode: Extension): number {
  if (cc >= 0 && cc < len) return cc;
  if (mode === 'constant') return -1;
  if (len <= 1) return 0;
  switch (mode) {
    case 'nearest':
      return cc < 0 ? 0 : len - 1;
    case 'wrap': {
      const r = cc % len;
      return r < 0 ? r + len : r;
    }
    case 'reflect': {
      const period = 2 * len;
      let r = cc % period;
      if (r < 0) r += period;
      return r < len ? r : period - 1 - r;
    }
    case 'mirror': {
      const period = 2 * len - 2;
      let r = cc % period;
      if (r < 0) r += period;
      return r < len ? r : period - r;
    }
  }
}
