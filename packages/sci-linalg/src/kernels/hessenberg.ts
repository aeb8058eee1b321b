/**
 * Reduction to upper Hessenberg form A = Q H Qᴴ by Householder reflectors, as LAPACK's
 * gehd2 (unblocked gehrd; the blocked one is blocked-hessenberg.ts) and orghr: reflector j annihilates column j below the
 * subdiagonal and is chosen as larfg chooses it, so H and Q are LAPACK's (the reduction is
 * unique once the reflectors' convention is fixed).
 */
import type { Float } from '../stack.js';
import { gehrdBlocked } from './blocked-hessenberg.js';
import { makeReflector, reflectLeft, reflectRight } from './reflector.js';

/** Smallest order reduced by the blocked gehrd (real matrices; measured: it wins from about 40). */
const BLOCKED_MIN = 48;

/**
 * Reduces the n×n matrix at `o` as `gehd2` (same contract): real matrices from BLOCKED_MIN on
 * by the blocked reduction (blocked-hessenberg.ts) where the WebAssembly kernel runs.
 */
export function gehrd(a: Float, o: number, n: number, lanes: number, q: Float | null, oq: number): void {
  if (lanes === 1 && n >= BLOCKED_MIN && gehrdBlocked(a, o, n, q, oq)) return;
  gehd2(a, o, n, lanes, q, oq);
}

/**
 * Reduces the n×n matrix at `o` (real or complex, `lanes`) to upper Hessenberg form in
 * place, unblocked, zeros written below the subdiagonal. With `q`, the n×n matrix at `oq` receives Q
 * (A = Q H Qᴴ).
 */
export function gehd2(a: Float, o: number, n: number, lanes: number, q: Float | null, oq: number): void {
  if (q !== null) setIdentity(q, oq, n, lanes);
  const v = new Float64Array(lanes * n);
  const w = new Float64Array(lanes * n);
  // the last step (j = n − 2) has no entries to annihilate, but in complex arithmetic its
  // reflector still makes the subdiagonal entry real, as zgehd2's does
  for (let j = 0; j + 1 < n; j++) {
    const len = n - j - 1;
    for (let k = 0; k < len; k++) {
      for (let l = 0; l < lanes; l++) v[lanes * k + l] = a[lanes * (o + (j + 1 + k) * n + j) + l];
    }
    const [beta, tr, ti] = makeReflector(v, len, lanes);
    a[lanes * (o + (j + 1) * n + j)] = beta;
    if (lanes === 2) a[lanes * (o + (j + 1) * n + j) + 1] = 0;
    for (let k = 1; k < len; k++) for (let l = 0; l < lanes; l++) a[lanes * (o + (j + 1 + k) * n + j) + l] = 0;
    // gehd2: A ← H A Hᴴ with H(j)ᴴ from the left; here H = I − τ v vᴴ, Hᴴ = I − conj(τ) v vᴴ
    reflectRight(a, o, n, lanes, 0, n, j + 1, len, v, tr, ti);
    reflectLeft(a, o, n, lanes, j + 1, len, j + 1, n, v, tr, -ti, w);
    if (q !== null) reflectRight(q, oq, n, lanes, 0, n, j + 1, len, v, tr, ti);
  }
}

export function setIdentity(q: Float, o: number, n: number, lanes: number): void {
  q.fill(0, lanes * o, lanes * (o + n * n));
  for (let i = 0; i < n; i++) q[lanes * (o + i * n + i)] = 1;
}
