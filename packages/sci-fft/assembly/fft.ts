/**
 * WebAssembly SIMD (f64x2) kernels of the @sciport/fft complex FFT — AssemblyScript.
 *
 * Built by `node assembly/build.mjs` (asc --enable simd -O3 --runtime stub) into
 * src/kernels/wasm/fft-wasm-bytes.ts. The JavaScript side (src/kernels/wasm/*.ts) owns
 * the memory above __heap_base: it places data, scratch and twiddle tables there and
 * drives the passes; nothing here allocates.
 *
 * Layout: complex float64 values are interleaved, one complex per v128 (re in lane 0,
 * im in lane 1). Pointers are byte offsets. Only the FORWARD transform is implemented:
 * the backward one is conj(forward(conj x)), and the conjugations are fused into the
 * copies in and out.
 *
 * Passes follow the same self-sorting mixed-radix scheme as the TypeScript fallback
 * (complex-passes.ts): for every k < l1, i < ido,
 *   ch(i, k, m) = tw(i, m) · Σ_j cc(i, j, k) ω_p^{jm},
 * cc(i, j, k) at cc + 16·(i + ido·(j + p·k)), ch(i, k, m) at ch + 16·(i + ido·(k + l1·m)).
 * Twiddle tables hold, for each i and m = 1..p-1, two vectors (wr, wr) and (-wi, wi)
 * (32 bytes), so that v·w = v·(wr, wr) + swap(v)·(-wi, wi): two multiplies, one add and
 * one shuffle per complex product (no FMA: relaxed SIMD is not enabled by default).
 *
 * `// @inline` lines become AssemblyScript's @inline decorator at build time (build.mjs);
 * they are comments here so that the repository's TypeScript linter can parse the file.
 */

// @inline
function swap(v: v128): v128 {
  return v128.shuffle<f64>(v, v, 1, 0);
}

/** v times the twiddle stored at t (as (wr, wr), (-wi, wi)). */
// @inline
function twiddle(v: v128, t: usize): v128 {
  return f64x2.add(f64x2.mul(v, v128.load(t)), f64x2.mul(swap(v), v128.load(t, 16)));
}

/** -i·v = (vi, -vr) */
// @inline
function mulNegI(v: v128): v128 {
  return f64x2.mul(swap(v), f64x2(1.0, -1.0));
}

export function heapBase(): usize {
  return __heap_base;
}

export function pass2(ido: i32, l1: i32, cc: usize, ch: usize, tw: usize): void {
  const cs = (<usize>ido) << 4;
  const hs = (<usize>(ido * l1)) << 4;
  if (ido === 1) {
    for (let k = 0; k < l1; k++) {
      const a = cc + ((<usize>k) << 5);
      const b = ch + ((<usize>k) << 4);
      const x0 = v128.load(a);
      const x1 = v128.load(a, 16);
      v128.store(b, f64x2.add(x0, x1));
      v128.store(b + hs, f64x2.sub(x0, x1));
    }
    return;
  }
  for (let k = 0; k < l1; k++) {
    let a = cc + ((<usize>(2 * ido * k)) << 4);
    let b = ch + ((<usize>(ido * k)) << 4);
    let t = tw;
    for (let i = 0; i < ido; i++) {
      const x0 = v128.load(a);
      const x1 = v128.load(a + cs);
      v128.store(b, f64x2.add(x0, x1));
      v128.store(b + hs, twiddle(f64x2.sub(x0, x1), t));
      a += 16;
      b += 16;
      t += 32;
    }
  }
}

export function pass3(ido: i32, l1: i32, cc: usize, ch: usize, tw: usize): void {
  const cs = (<usize>ido) << 4;
  const hs = (<usize>(ido * l1)) << 4;
  const half = f64x2.splat(0.5);
  const sn = f64x2(0.8660254037844386, -0.8660254037844386);
  for (let k = 0; k < l1; k++) {
    let a = cc + ((<usize>(3 * ido * k)) << 4);
    let b = ch + ((<usize>(ido * k)) << 4);
    let t = tw;
    for (let i = 0; i < ido; i++) {
      const x0 = v128.load(a);
      const x1 = v128.load(a + cs);
      const x2 = v128.load(a + 2 * cs);
      const s = f64x2.add(x1, x2);
      const d = f64x2.mul(swap(f64x2.sub(x1, x2)), sn);
      v128.store(b, f64x2.add(x0, s));
      const m = f64x2.sub(x0, f64x2.mul(half, s));
      const y1 = f64x2.add(m, d);
      const y2 = f64x2.sub(m, d);
      if (ido === 1) {
        v128.store(b + hs, y1);
        v128.store(b + 2 * hs, y2);
      } else {
        v128.store(b + hs, twiddle(y1, t));
        v128.store(b + 2 * hs, twiddle(y2, t + 32));
      }
      a += 16;
      b += 16;
      t += 64;
    }
  }
}

// @inline
function butterfly4(a: usize, cs: usize, b: usize, hs: usize, t: usize, useTw: bool): void {
  const x0 = v128.load(a);
  const x1 = v128.load(a + cs);
  const x2 = v128.load(a + 2 * cs);
  const x3 = v128.load(a + 3 * cs);
  const s = f64x2.add(x0, x2);
  const d0 = f64x2.sub(x0, x2);
  const u = f64x2.add(x1, x3);
  const d1 = mulNegI(f64x2.sub(x1, x3));
  v128.store(b, f64x2.add(s, u));
  if (useTw) {
    v128.store(b + hs, twiddle(f64x2.add(d0, d1), t));
    v128.store(b + 2 * hs, twiddle(f64x2.sub(s, u), t + 32));
    v128.store(b + 3 * hs, twiddle(f64x2.sub(d0, d1), t + 64));
  } else {
    v128.store(b + hs, f64x2.add(d0, d1));
    v128.store(b + 2 * hs, f64x2.sub(s, u));
    v128.store(b + 3 * hs, f64x2.sub(d0, d1));
  }
}

export function pass4(ido: i32, l1: i32, cc: usize, ch: usize, tw: usize): void {
  const cs = (<usize>ido) << 4;
  const hs = (<usize>(ido * l1)) << 4;
  if (ido === 1) {
    for (let k = 0; k < l1; k++) {
      butterfly4(cc + ((<usize>k) << 6), 16, ch + ((<usize>k) << 4), hs, 0, false);
    }
    return;
  }
  for (let k = 0; k < l1; k++) {
    let a = cc + ((<usize>(4 * ido * k)) << 4);
    let b = ch + ((<usize>(ido * k)) << 4);
    let t = tw;
    for (let i = 0; i < ido; i++) {
      butterfly4(a, cs, b, hs, t, true);
      a += 16;
      b += 16;
      t += 96;
    }
  }
}

export function pass5(ido: i32, l1: i32, cc: usize, ch: usize, tw: usize): void {
  const cs = (<usize>ido) << 4;
  const hs = (<usize>(ido * l1)) << 4;
  const c1 = f64x2.splat(0.30901699437494745); // cos(2π/5)
  const c2 = f64x2.splat(-0.8090169943749475); // cos(4π/5)
  const s1 = f64x2(0.9510565162951535, -0.9510565162951535); // sin(2π/5)·(1, -1)
  const s2 = f64x2(0.5877852522924731, -0.5877852522924731); // sin(4π/5)·(1, -1)
  for (let k = 0; k < l1; k++) {
    let a = cc + ((<usize>(5 * ido * k)) << 4);
    let b = ch + ((<usize>(ido * k)) << 4);
    let t = tw;
    for (let i = 0; i < ido; i++) {
      const x0 = v128.load(a);
      const x1 = v128.load(a + cs);
      const x2 = v128.load(a + 2 * cs);
      const x3 = v128.load(a + 3 * cs);
      const x4 = v128.load(a + 4 * cs);
      const a1 = f64x2.add(x1, x4);
      const a2 = f64x2.add(x2, x3);
      const b1 = swap(f64x2.sub(x1, x4));
      const b2 = swap(f64x2.sub(x2, x3));
      v128.store(b, f64x2.add(x0, f64x2.add(a1, a2)));
      const p1 = f64x2.add(x0, f64x2.add(f64x2.mul(c1, a1), f64x2.mul(c2, a2)));
      const p2 = f64x2.add(x0, f64x2.add(f64x2.mul(c2, a1), f64x2.mul(c1, a2)));
      // -i·(s1 b1 + s2 b2) and -i·(s2 b1 - s1 b2)
      const q1 = f64x2.add(f64x2.mul(s1, b1), f64x2.mul(s2, b2));
      const q2 = f64x2.sub(f64x2.mul(s2, b1), f64x2.mul(s1, b2));
      if (ido === 1) {
        v128.store(b + hs, f64x2.add(p1, q1));
        v128.store(b + 2 * hs, f64x2.add(p2, q2));
        v128.store(b + 3 * hs, f64x2.sub(p2, q2));
        v128.store(b + 4 * hs, f64x2.sub(p1, q1));
      } else {
        v128.store(b + hs, twiddle(f64x2.add(p1, q1), t));
        v128.store(b + 2 * hs, twiddle(f64x2.add(p2, q2), t + 32));
        v128.store(b + 3 * hs, twiddle(f64x2.sub(p2, q2), t + 64));
        v128.store(b + 4 * hs, twiddle(f64x2.sub(p1, q1), t + 96));
      }
      a += 16;
      b += 16;
      t += 128;
    }
  }
}

/**
 * Generic odd radix p by the symmetric-pair DFT (see complex-passes.ts). `trig` holds for
 * r < p the vectors (cos 2πr/p, cos 2πr/p) and (sin 2πr/p, -sin 2πr/p); `scratch` has
 * room for p-1 vectors.
 */
export function passOdd(p: i32, ido: i32, l1: i32, cc: usize, ch: usize, tw: usize, trig: usize, scratch: usize): void {
  const cs = (<usize>ido) << 4;
  const hs = (<usize>(ido * l1)) << 4;
  const half = (p - 1) >> 1;
  const bs = scratch + ((<usize>half) << 4);
  const twStride = (<usize>(p - 1)) << 5;
  for (let k = 0; k < l1; k++) {
    let a = cc + ((<usize>(p * ido * k)) << 4);
    let b = ch + ((<usize>(ido * k)) << 4);
    let t = tw;
    for (let i = 0; i < ido; i++) {
      const x0 = v128.load(a);
      let sum = x0;
      for (let j = 1; j <= half; j++) {
        const u = v128.load(a + (<usize>j) * cs);
        const v = v128.load(a + (<usize>(p - j)) * cs);
        const s = f64x2.add(u, v);
        v128.store(scratch + ((<usize>(j - 1)) << 4), s);
        v128.store(bs + ((<usize>(j - 1)) << 4), swap(f64x2.sub(u, v)));
        sum = f64x2.add(sum, s);
      }
      v128.store(b, sum);
      for (let m = 1; m <= half; m++) {
        let pv = x0;
        let qv = f64x2.splat(0);
        let r = 0;
        for (let j = 1; j <= half; j++) {
          r += m;
          if (r >= p) r -= p;
          const tr = trig + ((<usize>r) << 5);
          pv = f64x2.add(pv, f64x2.mul(v128.load(tr), v128.load(scratch + ((<usize>(j - 1)) << 4))));
          qv = f64x2.add(qv, f64x2.mul(v128.load(tr, 16), v128.load(bs + ((<usize>(j - 1)) << 4))));
        }
        const ym = f64x2.add(pv, qv);
        const yn = f64x2.sub(pv, qv);
        if (ido === 1) {
          v128.store(b + (<usize>m) * hs, ym);
          v128.store(b + (<usize>(p - m)) * hs, yn);
        } else {
          v128.store(b + (<usize>m) * hs, twiddle(ym, t + ((<usize>(m - 1)) << 5)));
          v128.store(b + (<usize>(p - m)) * hs, twiddle(yn, t + ((<usize>(p - m - 1)) << 5)));
        }
      }
      a += 16;
      b += 16;
      t += twStride;
    }
  }
}

/** Multiplies n complex values at ptr lane-wise by (sr, si): scaling, conjugation or both. */
export function scaleLanes(ptr: usize, n: i32, sr: f64, si: f64): void {
  const s = f64x2(sr, si);
  const end = ptr + ((<usize>n) << 4);
  for (let p = ptr; p < end; p += 16) v128.store(p, f64x2.mul(v128.load(p), s));
}

/**
 * dst[k] = (a[k]·b[k]) ⊙ (sr, si) for n complex values; b is plainly interleaved (br, bi).
 * With (sr, si) = (1, -1) this is conj(a·b). dst may alias a.
 */
export function mulPointwise(dst: usize, a: usize, b: usize, n: i32, sr: f64, si: f64): void {
  const s = f64x2(sr, si);
  const sgn = f64x2(-1.0, 1.0);
  for (let k: usize = 0, end = (<usize>n) << 4; k < end; k += 16) {
    const x = v128.load(a + k);
    const w = v128.load(b + k);
    const wrr = v128.shuffle<f64>(w, w, 0, 0);
    const wii = f64x2.mul(v128.shuffle<f64>(w, w, 1, 1), sgn);
    v128.store(dst + k, f64x2.mul(f64x2.add(f64x2.mul(x, wrr), f64x2.mul(swap(x), wii)), s));
  }
}

/** dst[k] = conj?(src[k]) for n complex values (memcpy when conj is false). */
export function copyComplex(dst: usize, src: usize, n: i32, conj: bool): void {
  if (!conj) {
    memory.copy(dst, src, (<usize>n) << 4);
    return;
  }
  const s = f64x2(1.0, -1.0);
  for (let k: usize = 0, end = (<usize>n) << 4; k < end; k += 16) v128.store(dst + k, f64x2.mul(v128.load(src + k), s));
}
