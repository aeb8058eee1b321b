/**
 * exp(x) rounded correctly to double, by double-double arithmetic (Dekker 1971: exact
 * two-sum and two-product with Veltkamp splitting). JavaScript engines' Math.exp may be
 * one unit in the last place off the correctly rounded value that C libraries (and so
 * NumPy) return; the Gaussian kernel's digits, and integer outputs truncated from sums
 * of them, depend on that last bit.
 */

interface DD {
  hi: number;
  lo: number;
}

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const lo = s.lo + a.lo + b.lo;
  return twoSum(s.hi, lo);
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return twoSum(p.hi, p.lo + a.hi * b.lo + a.lo * b.hi);
}

/** a / n for a small positive integer n. */
function divInt(a: DD, n: number): DD {
  const q = a.hi / n;
  const p = twoProd(q, n);
  const r = (a.hi - p.hi - p.lo + a.lo) / n;
  return twoSum(q, r);
}

const LN2: DD = { hi: Math.LN2, lo: 2.3190468138462996e-17 };
const TERMS = 24;

/** exp(x), correctly rounded (outside the normal range it defers to Math.exp). */
export function expCorrect(x: number): number {
  if (!Number.isFinite(x) || x > 709 || x < -708) return Math.exp(x);
  if (x === 0) return 1;
  const k = Math.round(x / LN2.hi);
  // r = x − k·ln2 in double-double, |r| ≤ ln2/2
  const kln2 = mul({ hi: k, lo: 0 }, LN2);
  const r = add({ hi: x, lo: 0 }, { hi: -kln2.hi, lo: -kln2.lo });
  // Taylor series by Horner: 1 + r(1 + r/2(1 + r/3(…)))
  let s: DD = { hi: 1, lo: 0 };
  for (let n = TERMS; n >= 1; n--) s = add({ hi: 1, lo: 0 }, divInt(mul(r, s), n));
  const scale = 2 ** k;
  return (s.hi + s.lo) * scale;
}
