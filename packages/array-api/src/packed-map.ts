/**
 * `array.map(f)` whose result has the same hidden class whether or not V8 has optimized the
 * caller. TurboFan's inlined Array#map allocates a holey array where the builtin returns a
 * packed one, so code reading the result meets a new map as soon as its producer is optimized,
 * deoptimizes, and is compiled again. On a busy worker thread that churn took the cores for
 * seconds: a 2-worker fft2 reached full speed after ~8 s instead of ~4 s. Appending to an empty
 * literal always yields a packed array.
 */
export function packedMap<T, U>(array: readonly T[], f: (value: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < array.length; i++) out.push(f(array[i], i));
  return out;
}
