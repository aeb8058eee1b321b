/** Integer helpers for planning: factorisation, cost model, fast convolution lengths. */

/**
 * Radices for the mixed-radix passes: 4s first (fewest passes), then a 2, 3, 5 and
 * the remaining odd primes in increasing order.
 */
export function radixFactors(n: number): number[] {
  const out: number[] = [];
  while (n % 4 === 0) {
    out.push(4);
    n /= 4;
  }
  if (n % 2 === 0) {
    out.push(2);
    n /= 2;
  }
  for (let p = 3; p * p <= n; p += 2) {
    while (n % p === 0) {
      out.push(p);
      n /= p;
    }
  }
  if (n > 1) out.push(n);
  return out;
}

/**
 * Radices for the wasm passes: as many radix-8 passes as fit (fewest passes over memory;
 * the wasm radix-8 butterfly costs no more per point than radix 4), a lone factor 2 and
 * one 8 turned into 4·4, and the other radices first, the 8s last — measured 5-15%
 * faster than 8s first at 1000 to 2^19 points (the last passes, with few twiddles, are
 * the cheapest place for the widest butterflies).
 */
export function wasmRadixFactors(n: number): number[] {
  let eights = 0;
  while (n % 8 === 0) {
    eights++;
    n /= 8;
  }
  const rest = n > 1 ? radixFactors(n) : [];
  const twos = rest.filter((p) => p === 2).length;
  if (eights > 0 && twos === 1) {
    eights--;
    rest.splice(rest.indexOf(2), 1, 4, 4);
  }
  return rest.concat(new Array<number>(eights).fill(8));
}

export function largestPrimeFactor(n: number): number {
  let largest = 1;
  while (n % 2 === 0) {
    largest = 2;
    n /= 2;
  }
  for (let p = 3; p * p <= n; p += 2) {
    while (n % p === 0) {
      largest = p;
      n /= p;
    }
  }
  return n > 1 ? n : largest;
}

/**
 * Rough flop-count model of a mixed-radix transform: a radix-p pass costs about p
 * operations per point for the hand-written radices, a little more for the generic
 * odd radix (the same shape of estimate pocketfft uses to choose Bluestein).
 */
export function mixedRadixCost(n: number): number {
  let cost = 0;
  for (const p of radixFactors(n)) cost += p <= 5 ? p : 1.1 * p;
  return cost * n;
}

/** Smallest m >= x whose prime factors are all in {2, 3, 5, 7}. */
export function goodSize(x: number): number {
  if (x <= 6) return Math.max(1, x);
  let best = 2 ** Math.ceil(Math.log2(x));
  for (let f7 = 1; f7 < best; f7 *= 7) {
    for (let f75 = f7; f75 < best; f75 *= 5) {
      for (let f753 = f75; f753 < best; f753 *= 3) {
        let m = f753;
        while (m < x) m *= 2;
        if (m < best) best = m;
      }
    }
  }
  return best;
}

/**
 * Measured cost of one wasm pass per point (ns, in cache, this machine's order of
 * magnitude): radix 8 is the cheapest per log2 of the radix, 7 and larger odd radices
 * (generic kernel) the most expensive.
 */
function wasmPassCost(p: number): number {
  switch (p) {
    case 8:
      return 0.84;
    case 4:
      return 0.6;
    case 2:
      return 0.45;
    case 3:
      return 0.67;
    case 5:
      return 0.84;
    default:
      return 0.28 * p;
  }
}

/** Estimated time of a wasm mixed-radix FFT of length n (arbitrary units). */
export function wasmMixedRadixCost(n: number): number {
  let c = 0;
  for (const p of wasmRadixFactors(n)) c += wasmPassCost(p);
  return c * n;
}

/** The length m >= x with factors in {2, 3, 5, 7} that the wasm passes transform fastest. */
export function goodSizeWasm(x: number): number {
  if (x <= 8) return Math.max(1, x);
  const limit = 2 ** Math.ceil(Math.log2(x));
  let best = limit;
  let bestCost = wasmMixedRadixCost(limit);
  for (let f7 = 1; f7 < limit; f7 *= 7) {
    for (let f75 = f7; f75 < limit; f75 *= 5) {
      for (let f753 = f75; f753 < limit; f753 *= 3) {
        let m = f753;
        while (m < x) m *= 2;
        if (m < limit) {
          const c = wasmMixedRadixCost(m);
          if (c < bestCost) {
            best = m;
            bestCost = c;
          }
        }
      }
    }
  }
  return best;
}

/**
 * Whether a length is better served by Bluestein's algorithm than by mixed-radix passes
 * (generic-radix passes cost O(p) per point for a prime factor p). The estimate has the
 * shape of pocketfft's: Bluestein does three FFTs of length >= 2n-1, fudge factor 1.5.
 */
export function useBluestein(n: number): boolean {
  if (n < 50) return false;
  const p = largestPrimeFactor(n);
  if (p * p <= n) return false;
  const blue = 2 * mixedRadixCost(goodSize(2 * n - 1)) * 1.5;
  return blue < mixedRadixCost(n);
}
