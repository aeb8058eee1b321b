/** What one binary erosion (or, inverted, dilation) computes: the input's layout and SciPy's options. */
export interface ErosionSpec {
  /** The input's shape. */
  readonly shape: readonly number[];
  /** The structure's shape (one entry per input axis). */
  readonly fshape: readonly number[];
  /** The structure, C order, 0/1. */
  readonly structure: Uint8Array;
  /** One origin per input axis (already mirrored for dilation). */
  readonly origins: readonly number[];
  readonly borderValue: 0 | 1;
  /** Dilation: true decides instead of false. */
  readonly invert: boolean;
  /** Number of passes; below 1, until nothing changes. */
  readonly iterations: number;
  /** Elements that may change (null: all). */
  readonly mask: Uint8Array | null;
  /** Re-examine every element in each pass. */
  readonly bruteForce: boolean;
}
