/**
 * Bad input and edge semantics where SciPy's behaviour is easy to miss: result sizes no
 * buffer can hold, `workers` against the CPU count, fftshift axes of any iterable kind,
 * fftfreq's options and d, nextFastLen/prevFastLen beyond 2^53. Expected values come from
 * SciPy 1.17 / NumPy 2.4 (the python3 expression is given next to each constant).
 */
import { availableParallelism } from 'node:os';
import { NDArray } from '@sciport/array-api';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maxBufferBytes, setMaxBufferBytesForTesting } from '../src/allocation-limit.js';
import { cpuCount } from '../src/cpu-count.js';
import {
  dct,
  dctn,
  fft,
  fftfreq,
  fftn,
  fftshift,
  hfft,
  idst,
  ifftshift,
  irfft,
  irfftn,
  nextFastLen,
  prevFastLen,
  rfft,
  rfftfreq,
  rfftn,
} from '../src/index.js';
import { checkWorkers } from '../src/options.js';

const shapeError = (argument: string) => expect.objectContaining({ name: 'ShapeError', argument });
const invalid = (argument: string) => expect.objectContaining({ name: 'InvalidArgumentError', argument });

describe('result sizes no buffer can hold are ShapeErrors before any allocation', () => {
  afterEach(() => setMaxBufferBytesForTesting(undefined));

  it('fft with n = 2^31 - 1 (SciPy: MemoryError) is a ShapeError naming n, on this engine', () => {
    expect(() => fft([1, 2, 3], { n: 2 ** 31 - 1 })).toThrow(ShapeError);
    expect(() => fft([1, 2, 3], { n: 2 ** 31 - 1 })).toThrow(shapeError('n'));
    expect(() => fft([1, 2, 3], { n: 2 ** 40 })).toThrow(shapeError('n'));
  });

  it('real transforms with n past 2^32 (where n >> 1 would wrap to a small length) are ShapeErrors', () => {
    for (const n of [2 ** 32, 2 ** 33 + 2, 2 ** 40]) {
      expect(() => rfft([1, 2, 3], { n })).toThrow(shapeError('n'));
      expect(() => irfft([1, 2, 3], { n })).toThrow(shapeError('n'));
      expect(() => hfft([1, 2, 3], { n })).toThrow(shapeError('n'));
      expect(() => rfftn([[1, 2, 3]], { s: [1, n] })).toThrow(shapeError('s'));
    }
  });

  it('the engine limit is probed once and is at least the 2 GiB every engine allows', () => {
    expect(maxBufferBytes()).toBeGreaterThanOrEqual(2 ** 31);
    expect(maxBufferBytes()).toBeLessThanOrEqual(2 ** 35);
    // a result of exactly the limit's size would be allowed, one element more not
    const limitDoubles = maxBufferBytes() / 8;
    expect(() => dct([1, 2], { n: limitDoubles + 1 })).toThrow(shapeError('n'));
  });

  // With the limit pinned to 1 MiB (65536 doubles) the boundaries are exact for every kind.
  const MiB = 2 ** 20;
  it('c2c: 16 bytes per complex element of the output', () => {
    setMaxBufferBytesForTesting(MiB);
    expect(fft([1, 2], { n: 65536 }).shape).toEqual([65536]);
    expect(() => fft([1, 2], { n: 65537 })).toThrow(shapeError('n'));
    expect(() => fft([[1, 2]], { n: 32769, axis: 0 })).toThrow(shapeError('n'));
    expect(() => fftn([[1, 2]], { s: [256, 257] })).toThrow(shapeError('s'));
  });

  it('r2c: the n/2+1 complex terms of the half spectrum', () => {
    setMaxBufferBytesForTesting(MiB);
    expect(rfft([1, 2], { n: 131070 }).shape).toEqual([65536]);
    expect(() => rfft([1, 2], { n: 131072 })).toThrow(shapeError('n'));
    expect(() => rfftn([[1, 2]], { s: [2, 65536] })).toThrow(shapeError('s'));
  });

  it('c2r: the real output and the n/2+1 complex terms it is computed from, default n = 2(m-1) included', () => {
    setMaxBufferBytesForTesting(MiB);
    expect(irfft([1, 2], { n: 131070 }).shape).toEqual([131070]);
    expect(() => irfft([1, 2], { n: 131072 })).toThrow(shapeError('n'));
    expect(() => hfft([1, 2], { n: 131073 })).toThrow(shapeError('n'));
    // 2(m-1) with m = 65537 is 131072: the default length is checked like an explicit one
    expect(() => irfft(new Float64Array(65537))).toThrow(shapeError('n'));
    expect(() => irfftn([[1, 2]], { s: [2, 65536] })).toThrow(shapeError('s'));
  });

  it('r2r: 8 bytes per real element, 16 per complex one', () => {
    setMaxBufferBytesForTesting(MiB);
    expect(dct([1, 2], { n: 131072 }).shape).toEqual([131072]);
    expect(() => dct([1, 2], { n: 131073 })).toThrow(shapeError('n'));
    const complexInput = new NDArray(new Float64Array([1, 1, 2, 0]), [2], 'complex128');
    expect(idst(complexInput, { n: 65536 }).shape).toEqual([65536]);
    expect(() => idst(complexInput, { n: 65537 })).toThrow(shapeError('n'));
    expect(() => dctn([[1, 2]], { s: [2, 65537] })).toThrow(shapeError('s'));
  });

  it('fftfreq refuses n beyond one buffer too', () => {
    setMaxBufferBytesForTesting(MiB);
    expect(fftfreq(131072).shape).toEqual([131072]);
    expect(() => fftfreq(131073)).toThrow(shapeError('n'));
  });
});

describe('workers: SciPy range rules against the CPU count', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts back from navigator.hardwareConcurrency where it exists', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 4 });
    expect(cpuCount()).toBe(4);
    // scipy.fft.fft(x, workers=w) with os.cpu_count() == 4: -1 -> 4, -4 -> 1, -5 ValueError
    expect(checkWorkers(-1)).toBe(4);
    expect(checkWorkers(-4)).toBe(1);
    expect(() => checkWorkers(-5)).toThrow(invalid('workers'));
    expect(() => fft([1, 2], { workers: -5 })).toThrow(/must not be less than -4/);
    expect(() => dct([1, 2], { workers: -5 })).toThrow(invalid('workers'));
  });

  it('in Node without navigator, uses os.availableParallelism through process.getBuiltinModule', () => {
    vi.stubGlobal('navigator', undefined);
    const cpus = availableParallelism();
    expect(cpuCount()).toBe(cpus);
    expect(checkWorkers(-1)).toBe(cpus);
    expect(checkWorkers(-cpus)).toBe(1);
    expect(() => checkWorkers(-cpus - 1)).toThrow(invalid('workers'));
  });

  it('where the platform gives no count, it is taken as 1', () => {
    vi.stubGlobal('navigator', undefined);
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
    expect(cpuCount()).toBe(1);
    expect(checkWorkers(-1)).toBe(1);
    expect(() => checkWorkers(-2)).toThrow(invalid('workers'));
  });

  it('0 and non-integers are refused, positive counts kept', () => {
    expect(() => fft([1, 2], { workers: 0 })).toThrow(/must not be zero/);
    expect(() => fft([1, 2], { workers: 1.5 })).toThrow(invalid('workers'));
    expect(checkWorkers(100)).toBe(100);
  });
});

describe('fftshift / ifftshift axes: any iterable of integers, as NumPy takes any sequence', () => {
  const x = [
    [0, 1, 2, 3],
    [4, 5, 6, 7],
    [8, 9, 10, 11],
  ];
  it('a Set shifts only its axes', () => {
    // scipy.fft.fftshift(np.arange(12).reshape(3, 4), axes={0})
    expect(fftshift(x, new Set([0])).toArray()).toEqual([
      [8, 9, 10, 11],
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    // scipy.fft.ifftshift(np.arange(12).reshape(3, 4), axes={0})
    expect(ifftshift(x, { axes: new Set([0]) }).toArray()).toEqual([
      [4, 5, 6, 7],
      [8, 9, 10, 11],
      [0, 1, 2, 3],
    ]);
    // scipy.fft.fftshift(np.arange(12).reshape(3, 4), axes={0, 1})
    expect(fftshift(x, new Set([0, 1])).toArray()).toEqual([
      [10, 11, 8, 9],
      [2, 3, 0, 1],
      [6, 7, 4, 5],
    ]);
  });
  it('TypedArrays and generators are iterables too', () => {
    // scipy.fft.ifftshift(np.arange(12).reshape(3, 4), axes=range(2))
    const all = [
      [6, 7, 4, 5],
      [10, 11, 8, 9],
      [2, 3, 0, 1],
    ];
    expect(ifftshift(x, Int32Array.from([0, 1])).toArray()).toEqual(all);
    function* axes() {
      yield 0;
      yield 1;
    }
    expect(ifftshift(x, axes()).toArray()).toEqual(all);
  });
  it('strings, Maps and non-integers are InvalidArgumentErrors naming axes', () => {
    expect(() => fftshift(x, '0' as never)).toThrow(invalid('axes'));
    expect(() => fftshift(x, new Map([[1, 0]]) as never)).toThrow(invalid('axes'));
    expect(() => fftshift(x, [0.5])).toThrow(invalid('axes'));
    expect(() => fftshift(x, new Set([2]))).toThrow(invalid('axes'));
    expect(() => fftshift(x, { axes: 0, axis: 1 } as never)).toThrow(invalid('axis'));
  });
});

describe('fftfreq / rfftfreq: d positionally or as an option, validated as NumPy does', () => {
  it('takes d in the options object, and positionally as before', () => {
    // scipy.fft.fftfreq(5, d=0.5), scipy.fft.rfftfreq(5, d=0.5)
    expect(Array.from(fftfreq(5, { d: 0.5 }).data)).toEqual([0.0, 0.4, 0.8, -0.8, -0.4]);
    expect(Array.from(fftfreq(5, 0.5).data)).toEqual([0.0, 0.4, 0.8, -0.8, -0.4]);
    expect(Array.from(rfftfreq(5, { d: 0.5, dtype: 'float64' }).data)).toEqual([0.0, 0.4, 0.8]);
    expect(Array.from(rfftfreq(5, undefined, { d: 0.5 }).data)).toEqual([0.0, 0.4, 0.8]);
  });
  it('d = ±Infinity and NaN give NumPy values; d = 0 is refused (NumPy: ZeroDivisionError)', () => {
    // scipy.fft.fftfreq(4, np.inf) -> [0.0, 0.0, -0.0, -0.0]
    expect(Array.from(fftfreq(4, Infinity).data)).toEqual([0, 0, -0, -0]);
    // scipy.fft.rfftfreq(4, -np.inf) -> [-0.0, -0.0, -0.0]
    expect(Array.from(rfftfreq(4, { d: -Infinity }).data)).toEqual([-0, -0, -0]);
    // scipy.fft.fftfreq(4, 1e-320) -> [nan, inf, -inf, -inf]
    expect(Array.from(fftfreq(4, 1e-320).data)).toEqual([NaN, Infinity, -Infinity, -Infinity]);
    expect(Array.from(fftfreq(3, Number.NaN).data).every(Number.isNaN)).toBe(true);
    expect(() => fftfreq(4, 0)).toThrow(invalid('d'));
    expect(() => rfftfreq(4, { d: -0 })).toThrow(invalid('d'));
  });
  it('refuses bad n, bad d, unknown keys, d given twice', () => {
    for (const n of [0, -2, 4.5, Number.NaN, '4', 4n]) expect(() => fftfreq(n as never)).toThrow(invalid('n'));
    for (const d of ['a', null, 1n, true]) expect(() => fftfreq(4, d as never)).toThrow(invalid('d'));
    expect(() => fftfreq(4, { d: null } as never)).toThrow(invalid('d'));
    expect(() => fftfreq(4, { spacing: 2 } as never)).toThrow(invalid('spacing'));
    expect(() => rfftfreq(4, 1, [1] as never)).toThrow(invalid('options'));
    expect(() => fftfreq(4, 0.5, { d: 0.5 })).toThrow(invalid('d'));
    expect(() => fftfreq(4, { d: 0.5 } as never, {})).toThrow(invalid('d'));
  });
});

describe('nextFastLen / prevFastLen beyond 2^52', () => {
  it('matches SciPy for numbers up to 2^53 - 1', () => {
    // [(t, scipy.fft.next_fast_len(t, r), scipy.fft.prev_fast_len(t, r)) for r in (False, True)]
    const table: [number, [number, number], [number, number]][] = [
      [13, [14, 15], [12, 12]],
      [97, [98, 100], [96, 96]],
      [1048577, [1049760, 1049760], [1048576, 1048576]],
      [4503599627370497, [4503699418251264, 4508684868648960], [4503599627370496, 4503599627370496]],
      [9007199254740991, [9007199254740992, 9007199254740992], [9007135728228540, 9000000000000000]],
    ];
    for (const [t, next, prev] of table) {
      expect([nextFastLen(t), nextFastLen(t, true)]).toEqual(next);
      expect([prevFastLen(t), prevFastLen(t, { real: true })]).toEqual(prev);
    }
  });
  it('BigInt in, BigInt out, up to SciPy limit (2^64 - 1) // 11 + 1', () => {
    // scipy.fft.next_fast_len(2**60 + 1), (..., True); prev_fast_len likewise
    expect(nextFastLen(2n ** 60n + 1n)).toBe(1152931922459856000n);
    expect(nextFastLen(2n ** 60n + 1n, true)).toBe(1153300781250000000n);
    expect(prevFastLen(2n ** 60n + 1n)).toBe(1152921504606846976n);
    // scipy.fft.next_fast_len(10**17 + 3, True) and prev_fast_len(10**17 + 3)
    expect(nextFastLen(10n ** 17n + 3n, true)).toBe(100063090197999414n);
    expect(prevFastLen(10n ** 17n + 3n)).toBe(100000000000000000n);
    // t = 1676976733973595602, the largest SciPy accepts
    const t = 1676976733973595602n;
    expect([nextFastLen(t), prevFastLen(t), nextFastLen(t, true), prevFastLen(t, true)]).toEqual([
      1676991887214336000n,
      1676906920944640000n,
      1677721600000000000n,
      1673656512480000000n,
    ]);
    expect(() => nextFastLen(t + 1n)).toThrow(invalid('target'));
    expect(nextFastLen(13n)).toBe(14n);
    expect(prevFastLen(0n)).toBe(0n);
  });
  it('refuses numbers past 2^53 - 1 with a hint to pass a BigInt, negatives and fractions', () => {
    expect(() => nextFastLen(2 ** 53)).toThrow(/BigInt/);
    expect(() => prevFastLen(2 ** 60)).toThrow(invalid('target'));
    expect(() => nextFastLen(-1)).toThrow(/must be positive/);
    expect(() => prevFastLen(-1n)).toThrow(invalid('target'));
    expect(() => nextFastLen(1.5)).toThrow(invalid('target'));
  });

  const smooth = (v: bigint, real: boolean): boolean => {
    for (const p of real ? [2n, 3n, 5n] : [2n, 3n, 5n, 7n, 11n]) while (v % p === 0n) v /= p;
    return v === 1n;
  };
  const targets = fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.bigInt({ min: 0n, max: 2n ** 60n }));

  it('property: nextFastLen(t) is the smallest smooth length >= t, prevFastLen(t) the largest <= t', () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 20000 }), fc.boolean(), (t, real) => {
        const next = nextFastLen(t, real);
        const prev = prevFastLen(t, real);
        expect(next).toBeGreaterThanOrEqual(t);
        expect(prev).toBeLessThanOrEqual(t);
        expect(smooth(BigInt(next), real) && smooth(BigInt(prev), real)).toBe(true);
        for (let v = t; v < next; v++) expect(smooth(BigInt(v), real)).toBe(false);
        for (let v = prev + 1; v <= t; v++) expect(smooth(BigInt(v), real)).toBe(false);
      }),
    );
  });
  it('property: numbers and BigInts give the same answers; results are smooth and bracket the target', () => {
    fc.assert(
      fc.property(targets, fc.boolean(), (t, real) => {
        const big = BigInt(t);
        const next = nextFastLen(big, real);
        const prev = prevFastLen(big, real);
        expect(next >= big && prev <= big).toBe(true);
        const small = real ? 6n : 12n;
        if (big > small) expect(smooth(next, real) && smooth(prev, real)).toBe(true);
        // next of a smooth number is itself, and so is prev
        expect(nextFastLen(next, real)).toBe(next);
        expect(prevFastLen(prev, real)).toBe(prev);
        if (typeof t === 'number') {
          expect(nextFastLen(t, real)).toBe(Number(next));
          expect(prevFastLen(t, real)).toBe(Number(prev));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('typed errors only', () => {
  it('every refusal above is a SciportError subclass', () => {
    expect(() => nextFastLen(2 ** 53)).toThrow(InvalidArgumentError);
    expect(() => fft([1], { n: 2 ** 40 })).toThrow(ShapeError);
  });
});

describe('an empty input with an impossible transform length', () => {
  it('is refused before planning a line of that length (generated bad input found a RangeError)', () => {
    const empty = new NDArray(new Float64Array(0), [0, 0], 'float64');
    for (const transform of [hfft, irfft, fft, dct]) {
      expect(() => transform(empty, { n: 2 ** 53 })).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'n' }));
    }
  });
});
