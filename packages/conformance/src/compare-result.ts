/**
 * Comparison of a whole result with SciPy's, whatever its form: an array, a tuple or list
 * of results (lu's (P, L, U), label's (labels, count), a measurement per label), or a plain
 * value (a count, a flag, a scalar statistic). Arrays are read through the backend's
 * factory and compared norm-wise (`compareArrays`), integer and bool arrays exactly.
 */
import { compareArrays } from './compare.js';
import type { ArrayFactory } from './factory.js';
import { decodeArray, type FixtureArray, isFixtureArray } from './fixture-format.js';

/** A fixture's encoding of a non-finite number ('NaN', 'Infinity', '-Infinity'), decoded. */
function decodeNumber(v: unknown): unknown {
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  return v;
}

/** Two numbers agree: the same non-finite value, or within `tol × |expected|` (exactly when tol is 0). */
function numbersAgree(actual: number, expected: number, tol: number): boolean {
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return Object.is(actual, expected);
  return Math.abs(actual - expected) <= tol * Math.abs(expected);
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

/** Compares one result with SciPy's `expected`; returns a failure message or undefined. */
export async function compareResult(actual: unknown, expected: unknown, factory: ArrayFactory, tol: number, where: string): Promise<string | undefined> {
  // a backend without synchronous readback may give a value it computes later (a chunked label's count)
  if (isThenable(actual)) return compareResult(await actual, expected, factory, tol, where);
  if (isFixtureArray(expected)) {
    const e = decodeArray(expected as FixtureArray);
    const a = await factory.read(actual);
    const exact = /^u?int/.test(e.dtype) || e.dtype === 'bool';
    const r = compareArrays(a, e, exact ? 0 : tol);
    return r.ok ? undefined : `${where}: ${r.message}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${where}: expected a list of ${expected.length}, got ${Array.isArray(actual) ? `a list of ${actual.length}` : String(actual)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const f = await compareResult(actual[i], expected[i], factory, tol, `${where}[${i}]`);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  const e = decodeNumber(expected);
  if (typeof e === 'number' && typeof actual === 'number') {
    return numbersAgree(actual, e, tol) ? undefined : `${where}: got ${actual}, expected ${e}`;
  }
  return actual === e ? undefined : `${where}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}
