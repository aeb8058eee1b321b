/**
 * gees's and geev's scaling of a matrix whose largest entry lies outside
 * [SMLNUM, BIGNUM] (SMLNUM = √safmin / ε): the QR algorithm's deflation and shifts lose
 * accuracy, or fail to converge, on a matrix of subnormal or nearly overflowing entries.
 * Here the factor is a power of two, so scaling (and undoing it) is exact for normal entries.
 */
import type { Float } from '../stack.js';
import { precisionOf } from './real-schur.js';

/** The power of two 2^k that brings the largest |entry| of the n×n matrix at `o` into range (1 when it is). */
export function schurScaleFactor(a: Float, o: number, n: number, lanes: number): number {
  const { ulp, safmin } = precisionOf(a);
  const smlnum = Math.sqrt(safmin) / ulp;
  const bignum = 1 / smlnum;
  let anrm = 0;
  for (let i = 0; i < n * n; i++) {
    const p = lanes * (o + i);
    anrm = Math.max(anrm, lanes === 2 ? Math.hypot(a[p], a[p + 1]) : Math.abs(a[p]));
  }
  if (anrm === 0 || !Number.isFinite(anrm) || (anrm >= smlnum && anrm <= bignum)) return 1;
  const target = anrm < smlnum ? smlnum : bignum;
  return 2 ** Math.round(Math.log2(target / anrm));
}

/** Multiplies the n×n matrix at `o` by `factor`, in two exact halves when it is extreme. */
export function scaleMatrix(a: Float, o: number, n: number, lanes: number, factor: number): void {
  if (factor === 1) return;
  const half = 2 ** Math.trunc(Math.log2(factor) / 2);
  const rest = factor / half;
  for (let i = lanes * o; i < lanes * (o + n * n); i++) a[i] = a[i] * half * rest;
}
