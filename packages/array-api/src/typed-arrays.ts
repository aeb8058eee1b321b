/**
 * Recognising TypedArrays by what they are, not by which realm made them: an array from
 * an iframe, a worker's `vm` context or another copy of the runtime fails `instanceof
 * Float64Array` here, but its `Object.prototype.toString` tag and `ArrayBuffer.isView`
 * still say what it is.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';

/** The TypedArray classes arrays are stored in (complex dtypes interleave re, im in a float array). */
export type NumberTypedArray =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint16Array
  | Uint32Array
  | Float32Array
  | Float64Array;
export type BigIntTypedArray = BigInt64Array | BigUint64Array;
export type TypedArray = NumberTypedArray | BigIntTypedArray;
export type FloatTypedArray = Float32Array | Float64Array;

/** This realm's constructor for each TypedArray tag we store. */
const CONSTRUCTORS = {
  Float64Array,
  Float32Array,
  Int8Array,
  Int16Array,
  Int32Array,
  Uint8Array,
  // Clamped writes would differ from uint8 semantics: viewed as a plain Uint8Array.
  Uint8ClampedArray: Uint8Array,
  Uint16Array,
  Uint32Array,
  BigInt64Array,
  BigUint64Array,
} as const;

type Tag = keyof typeof CONSTRUCTORS;

/**
 * This realm's TypedArray prototypes by class name: the common case answered by one lookup
 * (the toStringTag path below costs microseconds, which showed in calls that make thousands of
 * small arrays).
 */
const OWN_PROTOTYPES = new Map<object, Tag>(
  (Object.keys(CONSTRUCTORS) as Tag[]).map((tag) => [(globalThis as unknown as Record<Tag, { prototype: object }>)[tag].prototype, tag]),
);

/** The TypedArray class name of `v` ('Float64Array', …), from any realm; undefined otherwise. */
export function typedArrayTag(v: unknown): Tag | undefined {
  if (!ArrayBuffer.isView(v)) return undefined;
  const own = OWN_PROTOTYPES.get(Object.getPrototypeOf(v));
  if (own !== undefined) return own;
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  return Object.hasOwn(CONSTRUCTORS, tag) ? (tag as Tag) : undefined;
}

/** Is `v` a TypedArray (any realm) of a kind we can store? */
export function isTypedArray(v: unknown): v is TypedArray {
  return typedArrayTag(v) !== undefined;
}

/** Has the buffer been transferred or detached (its memory is gone)? */
function isDetached(buffer: ArrayBufferLike): boolean {
  const flag = (buffer as { detached?: unknown }).detached;
  if (typeof flag === 'boolean') return flag;
  if (buffer.byteLength !== 0) return false;
  // Engines without `ArrayBuffer.prototype.detached`: only a detached buffer refuses a view.
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

/**
 * The same memory as a TypedArray of this realm (no copy): `data` itself when it already
 * is one. Throws an InvalidArgumentError naming `argument` for a detached buffer.
 */
export function ownRealmView(data: TypedArray, argument: string): TypedArray {
  // A view of a detached buffer has byteLength 0, so others never touch `.buffer`: reading it
  // makes V8 give a small on-heap array its own ArrayBuffer, which cost microseconds per array.
  if (data.byteLength === 0 && isDetached(data.buffer)) {
    throw new InvalidArgumentError(`'${argument}' is a ${typedArrayTag(data)} whose ArrayBuffer is detached (transferred).`, {
      argument,
      hint: 'Pass the array before transferring its buffer (postMessage/structuredClone), or a copy of it.',
    });
  }
  const Ctor = CONSTRUCTORS[typedArrayTag(data) as Tag] as unknown as new (
    buffer: ArrayBufferLike,
    byteOffset: number,
    length: number,
  ) => TypedArray;
  if (data.constructor === Ctor) return data;
  return new Ctor(data.buffer, data.byteOffset, data.length);
}
