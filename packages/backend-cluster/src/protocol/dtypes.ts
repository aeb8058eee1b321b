/**
 * Byte layout of chunk payloads. Chunks always travel C-contiguous; complex dtypes are
 * interleaved (re, im) in a Float32/Float64Array, as in @sciport/array-api.
 */
export type TypedArray =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

type TypedArrayCtor = {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArray;
  new (length: number): TypedArray;
  readonly BYTES_PER_ELEMENT: number;
};

interface Layout {
  readonly ctor: TypedArrayCtor;
  /** Typed-array elements per array element (2 for complex). */
  readonly lanes: number;
}

const LAYOUTS: Record<string, Layout> = {
  bool: { ctor: Uint8Array, lanes: 1 },
  int8: { ctor: Int8Array, lanes: 1 },
  int16: { ctor: Int16Array, lanes: 1 },
  int32: { ctor: Int32Array, lanes: 1 },
  int64: { ctor: BigInt64Array, lanes: 1 },
  uint8: { ctor: Uint8Array, lanes: 1 },
  uint16: { ctor: Uint16Array, lanes: 1 },
  uint32: { ctor: Uint32Array, lanes: 1 },
  uint64: { ctor: BigUint64Array, lanes: 1 },
  float32: { ctor: Float32Array, lanes: 1 },
  float64: { ctor: Float64Array, lanes: 1 },
  complex64: { ctor: Float32Array, lanes: 2 },
  complex128: { ctor: Float64Array, lanes: 2 },
};

export function layoutOf(dtype: string): Layout {
  const layout = LAYOUTS[dtype];
  if (layout === undefined) throw new TypeError(`Unknown dtype '${dtype}' in a chunk payload.`);
  return layout;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Bytes of a C-contiguous chunk of this dtype and shape. */
export function byteLengthOf(dtype: string, shape: readonly number[]): number {
  const { ctor, lanes } = layoutOf(dtype);
  return sizeOf(shape) * lanes * ctor.BYTES_PER_ELEMENT;
}
