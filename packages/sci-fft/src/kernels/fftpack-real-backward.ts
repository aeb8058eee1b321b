/**
 * The backward real FFT (n/2+1 Hermitian terms -> n reals) with the operation order SciPy
 * uses: FFTPACK's mixed-radix real passes (P. N. Swarztrauber, "Vectorizing the FFTs",
 * in Parallel Computations, 1982) in the variant of pocketfft (M. Reinecke), with its
 * factor order, its twiddle table and its choice of Bluestein's algorithm for lengths
 * with a large prime factor.
 *
 * Finite results do not need this: the fast kernels agree with SciPy to rounding. But
 * where the input holds NaN or ±Infinity, *which* outputs come out non-finite depends on
 * the exact sequence of operations (∞·0 and ∞-∞ are NaN; a term multiplied by an exact
 * zero twiddle is NaN, one skipped by the algorithm is not). So lines with non-finite
 * input are recomputed here, operation for operation as SciPy computes them.
 */

/** e^{2πi·k/n}, as pocketfft's twiddle table computes it: the exact doubles decide which twiddles are exactly 0. */
class UnitRoots {
  private readonly fine: Float64Array;
  private readonly coarse: Float64Array;
  private readonly mask: number;

  constructor(private readonly n: number) {
    const angle = (0.25 * Math.PI) / n;
    const count = Math.floor((n + 2) / 2);
    let shift = 1;
    while (2 ** shift * 2 ** shift < count) shift++;
    this.mask = 2 ** shift - 1;
    // e^{2πi·k/n} = fine[k & mask] · coarse[k >> shift]: two short tables of octant-reduced values
    this.fine = new Float64Array(2 * (this.mask + 1));
    this.coarse = new Float64Array(2 * Math.floor((count + this.mask) / (this.mask + 1)));
    this.fine[0] = 1;
    this.coarse[0] = 1;
    for (let i = 1; 2 * i < this.fine.length; i++) octantRoot(i, n, angle, this.fine, 2 * i);
    for (let i = 1; 2 * i < this.coarse.length; i++) octantRoot(i * (this.mask + 1), n, angle, this.coarse, 2 * i);
  }

  /** [cos, sin] of 2π·k/n into out[at], out[at + 1]. */
  get(k: number, out: Float64Array, at: number): void {
    const mirrored = 2 * k > this.n;
    const idx = mirrored ? this.n - k : k;
    const f = 2 * (idx & this.mask);
    const c = 2 * Math.floor(idx / (this.mask + 1));
    const fr = this.fine[f];
    const fi = this.fine[f + 1];
    const cr = this.coarse[c];
    const ci = this.coarse[c + 1];
    out[at] = fr * cr - fi * ci;
    const im = fr * ci + fi * cr;
    out[at + 1] = mirrored ? -im : im;
  }
}

/** e^{2πi·x/n} from cos/sin of an angle in the first octant, by the symmetries of the circle. */
function octantRoot(x: number, n: number, angle: number, out: Float64Array, at: number): void {
  let re: number;
  let im: number;
  let y = 8 * x;
  const lowerHalf = y >= 4 * n;
  if (lowerHalf) y = 8 * n - y;
  if (y < 2 * n) {
    if (y < n) [re, im] = [Math.cos(y * angle), Math.sin(y * angle)];
    else [re, im] = [Math.sin((2 * n - y) * angle), Math.cos((2 * n - y) * angle)];
  } else {
    y -= 2 * n;
    if (y < n) [re, im] = [-Math.sin(y * angle), Math.cos(y * angle)];
    else [re, im] = [-Math.cos((2 * n - y) * angle), Math.sin((2 * n - y) * angle)];
  }
  out[at] = re;
  out[at + 1] = lowerHalf ? -im : im;
}

/** pocketfft's factor order for real transforms: 4s first, one 2 moved to the front, then odd factors ascending. */
function realFactors(n: number): number[] {
  const factors: number[] = [];
  let rest = n;
  while (rest % 4 === 0) {
    factors.push(4);
    rest /= 4;
  }
  if (rest % 2 === 0) {
    rest /= 2;
    factors.push(2);
    [factors[0], factors[factors.length - 1]] = [factors[factors.length - 1], factors[0]];
  }
  for (let d = 3; d * d <= rest; d += 2) {
    while (rest % d === 0) {
      factors.push(d);
      rest /= d;
    }
  }
  if (rest > 1) factors.push(rest);
  return factors;
}

function largestPrimeFactor(n: number): number {
  return realFactors(n).reduce((best, f) => Math.max(best, f === 4 ? 2 : f), 1);
}

/** pocketfft's operation-count estimate, which decides between the radix passes and Bluestein. */
function costGuess(n: number): number {
  let rest = n;
  let cost = 0;
  while (rest % 2 === 0) {
    cost += 2;
    rest /= 2;
  }
  for (let x = 3; x * x <= rest; x += 2) {
    while (rest % x === 0) {
      cost += x <= 5 ? x : 1.1 * x;
      rest /= x;
    }
  }
  if (rest > 1) cost += rest <= 5 ? rest : 1.1 * rest;
  return cost * n;
}

/** Smallest product of 2, 3, 5, 7, 11 that is >= n (pocketfft's good_size_cmplx). */
function goodSizeComplex(n: number): number {
  if (n <= 12) return n;
  let best = 2 * n;
  for (let f11 = 1; f11 < best; f11 *= 11) {
    for (let f7 = f11; f7 < best; f7 *= 7) {
      for (let f5 = f7; f5 < best; f5 *= 5) {
        for (let f3 = f5; f3 < best; f3 *= 3) {
          let x = f3;
          while (x < n) x *= 2;
          if (x < best) best = x;
        }
      }
    }
  }
  return best;
}

/** Whether SciPy transforms a real line of length n with Bluestein's algorithm instead of the radix passes. */
export function usesBluestein(n: number): boolean {
  if (n < 50) return false;
  const p = largestPrimeFactor(n);
  if (p * p <= n) return false;
  return 1.5 * 2 * costGuess(goodSizeComplex(2 * n - 1)) < 0.5 * costGuess(n);
}

interface Pass {
  readonly ip: number;
  readonly l1: number;
  readonly ido: number;
  /** twiddles e^{2πi·j·l1·i/n}, (ip-1)·(ido-1) values, none for the last pass */
  readonly tw: Float64Array;
  /** for the general odd radix: e^{2πi·m/ip} and conjugates, 2·ip values */
  readonly tws: Float64Array;
}

function plan(n: number): Pass[] {
  const roots = new UnitRoots(n);
  const factors = realFactors(n);
  const passes: Pass[] = [];
  let l1 = 1;
  factors.forEach((ip, k) => {
    const ido = n / (l1 * ip);
    const tw = new Float64Array(k < factors.length - 1 ? (ip - 1) * (ido - 1) : 0);
    if (tw.length > 0) {
      for (let j = 1; j < ip; j++) {
        for (let i = 1; i <= (ido - 1) >> 1; i++) roots.get(j * l1 * i, tw, (j - 1) * (ido - 1) + 2 * i - 2);
      }
    }
    const tws = new Float64Array(ip > 5 ? 2 * ip : 0);
    if (ip > 5) {
      tws[0] = 1;
      for (let i = 2, ic = 2 * ip - 2; i <= ic; i += 2, ic -= 2) {
        roots.get((i / 2) * (n / ip), tws, i);
        tws[ic] = tws[i];
        tws[ic + 1] = -tws[i + 1];
      }
    }
    passes.push({ ip, l1, ido, tw, tws });
    l1 *= ip;
  });
  return passes;
}

// Each pass reads cc, viewed as [l1][ip][ido], and writes ch, viewed as [ip][l1][ido].

function radix2(p: Pass, cc: Float64Array, ch: Float64Array): void {
  const { ido, l1, tw } = p;
  const CC = (a: number, b: number, c: number) => a + ido * (b + 2 * c);
  const CH = (a: number, b: number, c: number) => a + ido * (b + l1 * c);
  for (let k = 0; k < l1; k++) {
    const x = cc[CC(0, 0, k)];
    const y = cc[CC(ido - 1, 1, k)];
    ch[CH(0, k, 0)] = x + y;
    ch[CH(0, k, 1)] = x - y;
  }
  if (ido % 2 === 0) {
    for (let k = 0; k < l1; k++) {
      ch[CH(ido - 1, k, 0)] = 2 * cc[CC(ido - 1, 0, k)];
      ch[CH(ido - 1, k, 1)] = -2 * cc[CC(0, 1, k)];
    }
  }
  if (ido <= 2) return;
  for (let k = 0; k < l1; k++) {
    for (let i = 2; i < ido; i += 2) {
      const ic = ido - i;
      const ar = cc[CC(i - 1, 0, k)];
      const br = cc[CC(ic - 1, 1, k)];
      const ai = cc[CC(i, 0, k)];
      const bi = cc[CC(ic, 1, k)];
      ch[CH(i - 1, k, 0)] = ar + br;
      const tr2 = ar - br;
      const ti2 = ai + bi;
      ch[CH(i, k, 0)] = ai - bi;
      conjTimes(ch, CH(i, k, 1), CH(i - 1, k, 1), tw[i - 2], tw[i - 1], ti2, tr2);
    }
  }
}

/** (ch[re], ch[im]) = conj(wr + i·wi)·(xi... ) in pocketfft's MULPM form: a = wr·x + wi·y, b = wr·y - wi·x. */
function conjTimes(ch: Float64Array, at: number, bt: number, wr: number, wi: number, x: number, y: number): void {
  ch[at] = wr * x + wi * y;
  ch[bt] = wr * y - wi * x;
}

function radix3(p: Pass, cc: Float64Array, ch: Float64Array): void {
  const { ido, l1, tw } = p;
  const taur = -0.5;
  const taui = 0.8660254037844386;
  const CC = (a: number, b: number, c: number) => a + ido * (b + 3 * c);
  const CH = (a: number, b: number, c: number) => a + ido * (b + l1 * c);
  for (let k = 0; k < l1; k++) {
    const tr2 = 2 * cc[CC(ido - 1, 1, k)];
    const cr2 = cc[CC(0, 0, k)] + taur * tr2;
    ch[CH(0, k, 0)] = cc[CC(0, 0, k)] + tr2;
    const ci3 = 2 * taui * cc[CC(0, 2, k)];
    ch[CH(0, k, 2)] = cr2 + ci3;
    ch[CH(0, k, 1)] = cr2 - ci3;
  }
  if (ido === 1) return;
  for (let k = 0; k < l1; k++) {
    for (let i = 2, ic = ido - 2; i < ido; i += 2, ic -= 2) {
      const tr2 = cc[CC(i - 1, 2, k)] + cc[CC(ic - 1, 1, k)];
      const ti2 = cc[CC(i, 2, k)] - cc[CC(ic, 1, k)];
      const cr2 = cc[CC(i - 1, 0, k)] + taur * tr2;
      const ci2 = cc[CC(i, 0, k)] + taur * ti2;
      ch[CH(i - 1, k, 0)] = cc[CC(i - 1, 0, k)] + tr2;
      ch[CH(i, k, 0)] = cc[CC(i, 0, k)] + ti2;
      const cr3 = taui * (cc[CC(i - 1, 2, k)] - cc[CC(ic - 1, 1, k)]);
      const ci3 = taui * (cc[CC(i, 2, k)] + cc[CC(ic, 1, k)]);
      const [dr3, dr2] = [cr2 + ci3, cr2 - ci3];
      const [di2, di3] = [ci2 + cr3, ci2 - cr3];
      conjTimes(ch, CH(i, k, 1), CH(i - 1, k, 1), tw[i - 2], tw[i - 1], di2, dr2);
      conjTimes(ch, CH(i, k, 2), CH(i - 1, k, 2), tw[ido - 1 + i - 2], tw[ido - 1 + i - 1], di3, dr3);
    }
  }
}

function radix4(p: Pass, cc: Float64Array, ch: Float64Array): void {
  const { ido, l1, tw } = p;
  const sqrt2 = Math.SQRT2;
  const CC = (a: number, b: number, c: number) => a + ido * (b + 4 * c);
  const CH = (a: number, b: number, c: number) => a + ido * (b + l1 * c);
  const W = (x: number, i: number) => tw[i + x * (ido - 1)];
  for (let k = 0; k < l1; k++) {
    const tr2 = cc[CC(0, 0, k)] + cc[CC(ido - 1, 3, k)];
    const tr1 = cc[CC(0, 0, k)] - cc[CC(ido - 1, 3, k)];
    const tr3 = 2 * cc[CC(ido - 1, 1, k)];
    const tr4 = 2 * cc[CC(0, 2, k)];
    ch[CH(0, k, 0)] = tr2 + tr3;
    ch[CH(0, k, 2)] = tr2 - tr3;
    ch[CH(0, k, 3)] = tr1 + tr4;
    ch[CH(0, k, 1)] = tr1 - tr4;
  }
  if (ido % 2 === 0) {
    for (let k = 0; k < l1; k++) {
      const ti1 = cc[CC(0, 3, k)] + cc[CC(0, 1, k)];
      const ti2 = cc[CC(0, 3, k)] - cc[CC(0, 1, k)];
      const tr2 = cc[CC(ido - 1, 0, k)] + cc[CC(ido - 1, 2, k)];
      const tr1 = cc[CC(ido - 1, 0, k)] - cc[CC(ido - 1, 2, k)];
      ch[CH(ido - 1, k, 0)] = tr2 + tr2;
      ch[CH(ido - 1, k, 1)] = sqrt2 * (tr1 - ti1);
      ch[CH(ido - 1, k, 2)] = ti2 + ti2;
      ch[CH(ido - 1, k, 3)] = -sqrt2 * (tr1 + ti1);
    }
  }
  if (ido <= 2) return;
  for (let k = 0; k < l1; k++) {
    for (let i = 2; i < ido; i += 2) {
      const ic = ido - i;
      const tr2 = cc[CC(i - 1, 0, k)] + cc[CC(ic - 1, 3, k)];
      const tr1 = cc[CC(i - 1, 0, k)] - cc[CC(ic - 1, 3, k)];
      const ti1 = cc[CC(i, 0, k)] + cc[CC(ic, 3, k)];
      const ti2 = cc[CC(i, 0, k)] - cc[CC(ic, 3, k)];
      const tr4 = cc[CC(i, 2, k)] + cc[CC(ic, 1, k)];
      const ti3 = cc[CC(i, 2, k)] - cc[CC(ic, 1, k)];
      const tr3 = cc[CC(i - 1, 2, k)] + cc[CC(ic - 1, 1, k)];
      const ti4 = cc[CC(i - 1, 2, k)] - cc[CC(ic - 1, 1, k)];
      ch[CH(i - 1, k, 0)] = tr2 + tr3;
      const cr3 = tr2 - tr3;
      ch[CH(i, k, 0)] = ti2 + ti3;
      const ci3 = ti2 - ti3;
      const cr4 = tr1 + tr4;
      const cr2 = tr1 - tr4;
      const ci2 = ti1 + ti4;
      const ci4 = ti1 - ti4;
      conjTimes(ch, CH(i, k, 1), CH(i - 1, k, 1), W(0, i - 2), W(0, i - 1), ci2, cr2);
      conjTimes(ch, CH(i, k, 2), CH(i - 1, k, 2), W(1, i - 2), W(1, i - 1), ci3, cr3);
      conjTimes(ch, CH(i, k, 3), CH(i - 1, k, 3), W(2, i - 2), W(2, i - 1), ci4, cr4);
    }
  }
}

function radix5(p: Pass, cc: Float64Array, ch: Float64Array): void {
  const { ido, l1, tw } = p;
  const tr11 = 0.30901699437494745;
  const ti11 = 0.9510565162951535;
  const tr12 = -0.8090169943749475;
  const ti12 = 0.5877852522924731;
  const CC = (a: number, b: number, c: number) => a + ido * (b + 5 * c);
  const CH = (a: number, b: number, c: number) => a + ido * (b + l1 * c);
  const W = (x: number, i: number) => tw[i + x * (ido - 1)];
  for (let k = 0; k < l1; k++) {
    const ti5 = cc[CC(0, 2, k)] + cc[CC(0, 2, k)];
    const ti4 = cc[CC(0, 4, k)] + cc[CC(0, 4, k)];
    const tr2 = cc[CC(ido - 1, 1, k)] + cc[CC(ido - 1, 1, k)];
    const tr3 = cc[CC(ido - 1, 3, k)] + cc[CC(ido - 1, 3, k)];
    const c0 = cc[CC(0, 0, k)];
    ch[CH(0, k, 0)] = c0 + tr2 + tr3;
    const cr2 = c0 + tr11 * tr2 + tr12 * tr3;
    const cr3 = c0 + tr12 * tr2 + tr11 * tr3;
    const ci5 = ti5 * ti11 + ti4 * ti12;
    const ci4 = ti5 * ti12 - ti4 * ti11;
    ch[CH(0, k, 4)] = cr2 + ci5;
    ch[CH(0, k, 1)] = cr2 - ci5;
    ch[CH(0, k, 3)] = cr3 + ci4;
    ch[CH(0, k, 2)] = cr3 - ci4;
  }
  if (ido === 1) return;
  for (let k = 0; k < l1; k++) {
    for (let i = 2, ic = ido - 2; i < ido; i += 2, ic -= 2) {
      const tr2 = cc[CC(i - 1, 2, k)] + cc[CC(ic - 1, 1, k)];
      const tr5 = cc[CC(i - 1, 2, k)] - cc[CC(ic - 1, 1, k)];
      const ti5 = cc[CC(i, 2, k)] + cc[CC(ic, 1, k)];
      const ti2 = cc[CC(i, 2, k)] - cc[CC(ic, 1, k)];
      const tr3 = cc[CC(i - 1, 4, k)] + cc[CC(ic - 1, 3, k)];
      const tr4 = cc[CC(i - 1, 4, k)] - cc[CC(ic - 1, 3, k)];
      const ti4 = cc[CC(i, 4, k)] + cc[CC(ic, 3, k)];
      const ti3 = cc[CC(i, 4, k)] - cc[CC(ic, 3, k)];
      const a = cc[CC(i - 1, 0, k)];
      const b = cc[CC(i, 0, k)];
      ch[CH(i - 1, k, 0)] = a + tr2 + tr3;
      ch[CH(i, k, 0)] = b + ti2 + ti3;
      const cr2 = a + tr11 * tr2 + tr12 * tr3;
      const ci2 = b + tr11 * ti2 + tr12 * ti3;
      const cr3 = a + tr12 * tr2 + tr11 * tr3;
      const ci3 = b + tr12 * ti2 + tr11 * ti3;
      const cr5 = tr5 * ti11 + tr4 * ti12;
      const cr4 = tr5 * ti12 - tr4 * ti11;
      const ci5 = ti5 * ti11 + ti4 * ti12;
      const ci4 = ti5 * ti12 - ti4 * ti11;
      const [dr4, dr3] = [cr3 + ci4, cr3 - ci4];
      const [di3, di4] = [ci3 + cr4, ci3 - cr4];
      const [dr5, dr2] = [cr2 + ci5, cr2 - ci5];
      const [di2, di5] = [ci2 + cr5, ci2 - cr5];
      conjTimes(ch, CH(i, k, 1), CH(i - 1, k, 1), W(0, i - 2), W(0, i - 1), di2, dr2);
      conjTimes(ch, CH(i, k, 2), CH(i - 1, k, 2), W(1, i - 2), W(1, i - 1), di3, dr3);
      conjTimes(ch, CH(i, k, 3), CH(i - 1, k, 3), W(2, i - 2), W(2, i - 1), di4, dr4);
      conjTimes(ch, CH(i, k, 4), CH(i - 1, k, 4), W(3, i - 2), W(3, i - 1), di5, dr5);
    }
  }
}

/**
 * General odd radix ip (a prime above 5). Works through cc, which it overwrites, and
 * leaves the result in ch.
 */
function radixOdd(p: Pass, cc: Float64Array, ch: Float64Array): void {
  const { ido, ip, l1, tw, tws } = p;
  const half = (ip + 1) >> 1;
  const idl1 = ido * l1;
  const CC = (a: number, b: number, c: number) => a + ido * (b + ip * c);
  const CH = (a: number, b: number, c: number) => a + ido * (b + l1 * c);
  const C1 = CH; // cc viewed like ch, once the first stage has moved the data
  const in2 = (a: number, b: number) => a + idl1 * b;

  for (let k = 0; k < l1; k++) for (let i = 0; i < ido; i++) ch[CH(i, k, 0)] = cc[CC(i, 0, k)];
  for (let j = 1, jc = ip - 1; j < half; j++, jc--) {
    const j2 = 2 * j - 1;
    for (let k = 0; k < l1; k++) {
      ch[CH(0, k, j)] = 2 * cc[CC(ido - 1, j2, k)];
      ch[CH(0, k, jc)] = 2 * cc[CC(0, j2 + 1, k)];
    }
  }
  if (ido !== 1) {
    for (let j = 1, jc = ip - 1; j < half; j++, jc--) {
      const j2 = 2 * j - 1;
      for (let k = 0; k < l1; k++) {
        for (let i = 1, ic = ido - 3; i <= ido - 2; i += 2, ic -= 2) {
          ch[CH(i, k, j)] = cc[CC(i, j2 + 1, k)] + cc[CC(ic, j2, k)];
          ch[CH(i, k, jc)] = cc[CC(i, j2 + 1, k)] - cc[CC(ic, j2, k)];
          ch[CH(i + 1, k, j)] = cc[CC(i + 1, j2 + 1, k)] - cc[CC(ic + 1, j2, k)];
          ch[CH(i + 1, k, jc)] = cc[CC(i + 1, j2 + 1, k)] + cc[CC(ic + 1, j2, k)];
        }
      }
    }
  }
  for (let l = 1, lc = ip - 1; l < half; l++, lc--) {
    for (let ik = 0; ik < idl1; ik++) {
      cc[in2(ik, l)] = ch[in2(ik, 0)] + tws[2 * l] * ch[in2(ik, 1)] + tws[4 * l] * ch[in2(ik, 2)];
      cc[in2(ik, lc)] = tws[2 * l + 1] * ch[in2(ik, ip - 1)] + tws[4 * l + 1] * ch[in2(ik, ip - 2)];
    }
    // the remaining terms in groups of four, then two, then one, as pocketfft sums them
    let angle = 2 * l;
    let j = 3;
    let jc = ip - 3;
    const nextRoot = (): [number, number] => {
      angle += l;
      if (angle > ip) angle -= ip;
      return [tws[2 * angle], tws[2 * angle + 1]];
    };
    for (; j < half - 3; j += 4, jc -= 4) {
      const [ar1, ai1] = nextRoot();
      const [ar2, ai2] = nextRoot();
      const [ar3, ai3] = nextRoot();
      const [ar4, ai4] = nextRoot();
      for (let ik = 0; ik < idl1; ik++) {
        cc[in2(ik, l)] += ar1 * ch[in2(ik, j)] + ar2 * ch[in2(ik, j + 1)] + ar3 * ch[in2(ik, j + 2)] + ar4 * ch[in2(ik, j + 3)];
        cc[in2(ik, lc)] += ai1 * ch[in2(ik, jc)] + ai2 * ch[in2(ik, jc - 1)] + ai3 * ch[in2(ik, jc - 2)] + ai4 * ch[in2(ik, jc - 3)];
      }
    }
    for (; j < half - 1; j += 2, jc -= 2) {
      const [ar1, ai1] = nextRoot();
      const [ar2, ai2] = nextRoot();
      for (let ik = 0; ik < idl1; ik++) {
        cc[in2(ik, l)] += ar1 * ch[in2(ik, j)] + ar2 * ch[in2(ik, j + 1)];
        cc[in2(ik, lc)] += ai1 * ch[in2(ik, jc)] + ai2 * ch[in2(ik, jc - 1)];
      }
    }
    for (; j < half; j++, jc--) {
      const [ar, ai] = nextRoot();
      for (let ik = 0; ik < idl1; ik++) {
        cc[in2(ik, l)] += ar * ch[in2(ik, j)];
        cc[in2(ik, lc)] += ai * ch[in2(ik, jc)];
      }
    }
  }
  for (let j = 1; j < half; j++) for (let ik = 0; ik < idl1; ik++) ch[in2(ik, 0)] += ch[in2(ik, j)];
  for (let j = 1, jc = ip - 1; j < half; j++, jc--) {
    for (let k = 0; k < l1; k++) {
      const a = cc[C1(0, k, j)];
      const b = cc[C1(0, k, jc)];
      ch[CH(0, k, jc)] = a + b;
      ch[CH(0, k, j)] = a - b;
    }
  }
  if (ido === 1) return;
  for (let j = 1, jc = ip - 1; j < half; j++, jc--) {
    for (let k = 0; k < l1; k++) {
      for (let i = 1; i <= ido - 2; i += 2) {
        ch[CH(i, k, j)] = cc[C1(i, k, j)] - cc[C1(i + 1, k, jc)];
        ch[CH(i, k, jc)] = cc[C1(i, k, j)] + cc[C1(i + 1, k, jc)];
        ch[CH(i + 1, k, j)] = cc[C1(i + 1, k, j)] + cc[C1(i, k, jc)];
        ch[CH(i + 1, k, jc)] = cc[C1(i + 1, k, j)] - cc[C1(i, k, jc)];
      }
    }
  }
  for (let j = 1; j < ip; j++) {
    const start = (j - 1) * (ido - 1);
    for (let k = 0; k < l1; k++) {
      for (let i = 1, w = start; i <= ido - 2; i += 2, w += 2) {
        const t1 = ch[CH(i, k, j)];
        const t2 = ch[CH(i + 1, k, j)];
        ch[CH(i, k, j)] = tw[w] * t1 - tw[w + 1] * t2;
        ch[CH(i + 1, k, j)] = tw[w] * t2 + tw[w + 1] * t1;
      }
    }
  }
}

const plans = new Map<number, Pass[]>();

/**
 * SciPy's backward real FFT of one line, in place: `line` holds the n/2+1 Hermitian terms
 * packed as FFTPACK does (re₀, re₁, im₁, re₂, im₂, …, and re_{n/2} last for even n) and
 * receives the n real outputs, times `scale`. Meant for lines with a non-finite term:
 * lengths SciPy sends through Bluestein's algorithm then give NaN everywhere, as SciPy's
 * do (its chirp products turn every ∞ into ∞·0 or ∞-∞ somewhere in the convolution).
 */
export function fftpackRealBackward(line: Float64Array, scale: number): void {
  const n = line.length;
  if (n === 1) {
    line[0] *= scale;
    return;
  }
  if (usesBluestein(n)) {
    line.fill(Number.NaN);
    return;
  }
  let passes = plans.get(n);
  if (passes === undefined) {
    passes = plan(n);
    plans.set(n, passes);
  }
  let from: Float64Array = line;
  let to: Float64Array = new Float64Array(n);
  for (const p of passes) {
    if (p.ip === 4) radix4(p, from, to);
    else if (p.ip === 2) radix2(p, from, to);
    else if (p.ip === 3) radix3(p, from, to);
    else if (p.ip === 5) radix5(p, from, to);
    else radixOdd(p, from, to);
    [from, to] = [to, from];
  }
  for (let i = 0; i < n; i++) line[i] = scale === 1 ? from[i] : scale * from[i];
}
