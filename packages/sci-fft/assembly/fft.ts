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
  const iv = f64x2.mul(swap(v), f64x2(-1.0, 1.0)); // i·v
  return f64x2.add(f64x2.mul(v, v128.load64_splat(t)), f64x2.mul(iv, v128.load64_splat(t, 8)));
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
      t += 16;
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
        v128.store(b + 2 * hs, twiddle(y2, t + 16));
      }
      a += 16;
      b += 16;
      t += 32;
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
    v128.store(b + 2 * hs, twiddle(f64x2.sub(s, u), t + 16));
    v128.store(b + 3 * hs, twiddle(f64x2.sub(d0, d1), t + 32));
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
      t += 48;
    }
  }
}

// @inline
function butterfly8(a: usize, cs: usize, b: usize, hs: usize, t: usize, useTw: bool): void {
  const r2 = f64x2.splat(Math.SQRT1_2);
  const x0 = v128.load(a);
  const x1 = v128.load(a + cs);
  const x2 = v128.load(a + 2 * cs);
  const x3 = v128.load(a + 3 * cs);
  const x4 = v128.load(a + 4 * cs);
  const x5 = v128.load(a + 5 * cs);
  const x6 = v128.load(a + 6 * cs);
  const x7 = v128.load(a + 7 * cs);
  // radix-2 split into even and odd outputs
  const a0 = f64x2.add(x0, x4);
  const a1 = f64x2.add(x1, x5);
  const a2 = f64x2.add(x2, x6);
  const a3 = f64x2.add(x3, x7);
  const b0 = f64x2.sub(x0, x4);
  let b1 = f64x2.sub(x1, x5);
  let b2 = f64x2.sub(x2, x6);
  let b3 = f64x2.sub(x3, x7);
  // b_j · ω8^j: ω8 = (1-i)/√2, ω8² = -i, ω8³ = (-1-i)/√2
  b1 = f64x2.mul(f64x2.add(b1, mulNegI(b1)), r2);
  b2 = mulNegI(b2);
  b3 = f64x2.mul(f64x2.sub(mulNegI(b3), b3), r2);
  // two radix-4 DFTs
  const s0 = f64x2.add(a0, a2);
  const d0 = f64x2.sub(a0, a2);
  const u0 = f64x2.add(a1, a3);
  const e0 = mulNegI(f64x2.sub(a1, a3));
  const s1 = f64x2.add(b0, b2);
  const d1 = f64x2.sub(b0, b2);
  const u1 = f64x2.add(b1, b3);
  const e1 = mulNegI(f64x2.sub(b1, b3));
  v128.store(b, f64x2.add(s0, u0));
  if (useTw) {
    v128.store(b + hs, twiddle(f64x2.add(s1, u1), t));
    v128.store(b + 2 * hs, twiddle(f64x2.add(d0, e0), t + 16));
    v128.store(b + 3 * hs, twiddle(f64x2.add(d1, e1), t + 32));
    v128.store(b + 4 * hs, twiddle(f64x2.sub(s0, u0), t + 48));
    v128.store(b + 5 * hs, twiddle(f64x2.sub(s1, u1), t + 64));
    v128.store(b + 6 * hs, twiddle(f64x2.sub(d0, e0), t + 80));
    v128.store(b + 7 * hs, twiddle(f64x2.sub(d1, e1), t + 96));
  } else {
    v128.store(b + hs, f64x2.add(s1, u1));
    v128.store(b + 2 * hs, f64x2.add(d0, e0));
    v128.store(b + 3 * hs, f64x2.add(d1, e1));
    v128.store(b + 4 * hs, f64x2.sub(s0, u0));
    v128.store(b + 5 * hs, f64x2.sub(s1, u1));
    v128.store(b + 6 * hs, f64x2.sub(d0, e0));
    v128.store(b + 7 * hs, f64x2.sub(d1, e1));
  }
}

/** Radix 8 as a radix-2 step followed by two radix-4 DFTs, all in registers. */
export function pass8(ido: i32, l1: i32, cc: usize, ch: usize, tw: usize): void {
  const cs = (<usize>ido) << 4;
  const hs = (<usize>(ido * l1)) << 4;
  if (ido === 1) {
    for (let k = 0; k < l1; k++) {
      butterfly8(cc + ((<usize>k) << 7), 16, ch + ((<usize>k) << 4), hs, 0, false);
    }
    return;
  }
  for (let k = 0; k < l1; k++) {
    let a = cc + ((<usize>(8 * ido * k)) << 4);
    let b = ch + ((<usize>(ido * k)) << 4);
    let t = tw;
    for (let i = 0; i < ido; i++) {
      butterfly8(a, cs, b, hs, t, true);
      a += 16;
      b += 16;
      t += 112;
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
        v128.store(b + 2 * hs, twiddle(f64x2.add(p2, q2), t + 16));
        v128.store(b + 3 * hs, twiddle(f64x2.sub(p2, q2), t + 32));
        v128.store(b + 4 * hs, twiddle(f64x2.sub(p1, q1), t + 48));
      }
      a += 16;
      b += 16;
      t += 64;
    }
  }
}

// BEGIN GENERATED ODD RADIX
/** Radix 7, unrolled symmetric-pair DFT (generated by gen-odd-radix.mjs). */
export function pass7(ido: i32, l1: i32, cc: usize, ch: usize, tw: usize): void {
  const cs = (<usize>ido) << 4;
  const hs = (<usize>(ido * l1)) << 4;
  const c1 = f64x2.splat(0.6234898018587336);
  const s1 = f64x2(0.7818314824680298, -0.7818314824680298);
  const c2 = f64x2.splat(-0.22252093395631434);
  const s2 = f64x2(0.9749279121818236, -0.9749279121818236);
  const c3 = f64x2.splat(-0.900968867902419);
  const s3 = f64x2(0.43388373911755823, -0.43388373911755823);
  for (let k = 0; k < l1; k++) {
    let a = cc + ((<usize>(7 * ido * k)) << 4);
    let b = ch + ((<usize>(ido * k)) << 4);
    let t = tw;
    for (let i = 0; i < ido; i++) {
      const x0 = v128.load(a);
      const u1 = v128.load(a + 1 * cs);
      const v1 = v128.load(a + 6 * cs);
      const a1 = f64x2.add(u1, v1);
      const b1 = swap(f64x2.sub(u1, v1));
      const u2 = v128.load(a + 2 * cs);
      const v2 = v128.load(a + 5 * cs);
      const a2 = f64x2.add(u2, v2);
      const b2 = swap(f64x2.sub(u2, v2));
      const u3 = v128.load(a + 3 * cs);
      const v3 = v128.load(a + 4 * cs);
      const a3 = f64x2.add(u3, v3);
      const b3 = swap(f64x2.sub(u3, v3));
      v128.store(b, f64x2.add(f64x2.add(f64x2.add(x0, a1), a2), a3));
      const p1 = f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c1, a1)), f64x2.mul(c2, a2)), f64x2.mul(c3, a3));
      const q1 = f64x2.add(f64x2.add(f64x2.mul(s1, b1), f64x2.mul(s2, b2)), f64x2.mul(s3, b3));
      const p2 = f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c2, a1)), f64x2.mul(c3, a2)), f64x2.mul(c1, a3));
      const q2 = f64x2.sub(f64x2.sub(f64x2.mul(s2, b1), f64x2.mul(s3, b2)), f64x2.mul(s1, b3));
      const p3 = f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c3, a1)), f64x2.mul(c1, a2)), f64x2.mul(c2, a3));
      const q3 = f64x2.add(f64x2.sub(f64x2.mul(s3, b1), f64x2.mul(s1, b2)), f64x2.mul(s2, b3));
      if (ido === 1) {
        v128.store(b + 1 * hs, f64x2.add(p1, q1));
        v128.store(b + 6 * hs, f64x2.sub(p1, q1));
        v128.store(b + 2 * hs, f64x2.add(p2, q2));
        v128.store(b + 5 * hs, f64x2.sub(p2, q2));
        v128.store(b + 3 * hs, f64x2.add(p3, q3));
        v128.store(b + 4 * hs, f64x2.sub(p3, q3));
      } else {
        v128.store(b + 1 * hs, twiddle(f64x2.add(p1, q1), t + 0));
        v128.store(b + 6 * hs, twiddle(f64x2.sub(p1, q1), t + 80));
        v128.store(b + 2 * hs, twiddle(f64x2.add(p2, q2), t + 16));
        v128.store(b + 5 * hs, twiddle(f64x2.sub(p2, q2), t + 64));
        v128.store(b + 3 * hs, twiddle(f64x2.add(p3, q3), t + 32));
        v128.store(b + 4 * hs, twiddle(f64x2.sub(p3, q3), t + 48));
      }
      a += 16;
      b += 16;
      t += 96;
    }
  }
}

/** Radix 11, unrolled symmetric-pair DFT (generated by gen-odd-radix.mjs). */
export function pass11(ido: i32, l1: i32, cc: usize, ch: usize, tw: usize): void {
  const cs = (<usize>ido) << 4;
  const hs = (<usize>(ido * l1)) << 4;
  const c1 = f64x2.splat(0.8412535328311812);
  const s1 = f64x2(0.5406408174555976, -0.5406408174555976);
  const c2 = f64x2.splat(0.41541501300188644);
  const s2 = f64x2(0.9096319953545183, -0.9096319953545183);
  const c3 = f64x2.splat(-0.142314838273285);
  const s3 = f64x2(0.9898214418809328, -0.9898214418809328);
  const c4 = f64x2.splat(-0.654860733945285);
  const s4 = f64x2(0.7557495743542584, -0.7557495743542584);
  const c5 = f64x2.splat(-0.9594929736144974);
  const s5 = f64x2(0.28173255684142967, -0.28173255684142967);
  for (let k = 0; k < l1; k++) {
    let a = cc + ((<usize>(11 * ido * k)) << 4);
    let b = ch + ((<usize>(ido * k)) << 4);
    let t = tw;
    for (let i = 0; i < ido; i++) {
      const x0 = v128.load(a);
      const u1 = v128.load(a + 1 * cs);
      const v1 = v128.load(a + 10 * cs);
      const a1 = f64x2.add(u1, v1);
      const b1 = swap(f64x2.sub(u1, v1));
      const u2 = v128.load(a + 2 * cs);
      const v2 = v128.load(a + 9 * cs);
      const a2 = f64x2.add(u2, v2);
      const b2 = swap(f64x2.sub(u2, v2));
      const u3 = v128.load(a + 3 * cs);
      const v3 = v128.load(a + 8 * cs);
      const a3 = f64x2.add(u3, v3);
      const b3 = swap(f64x2.sub(u3, v3));
      const u4 = v128.load(a + 4 * cs);
      const v4 = v128.load(a + 7 * cs);
      const a4 = f64x2.add(u4, v4);
      const b4 = swap(f64x2.sub(u4, v4));
      const u5 = v128.load(a + 5 * cs);
      const v5 = v128.load(a + 6 * cs);
      const a5 = f64x2.add(u5, v5);
      const b5 = swap(f64x2.sub(u5, v5));
      v128.store(b, f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, a1), a2), a3), a4), a5));
      const p1 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c1, a1)), f64x2.mul(c2, a2)), f64x2.mul(c3, a3)), f64x2.mul(c4, a4)), f64x2.mul(c5, a5));
      const q1 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.mul(s1, b1), f64x2.mul(s2, b2)), f64x2.mul(s3, b3)), f64x2.mul(s4, b4)), f64x2.mul(s5, b5));
      const p2 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c2, a1)), f64x2.mul(c4, a2)), f64x2.mul(c5, a3)), f64x2.mul(c3, a4)), f64x2.mul(c1, a5));
      const q2 = f64x2.sub(f64x2.sub(f64x2.sub(f64x2.add(f64x2.mul(s2, b1), f64x2.mul(s4, b2)), f64x2.mul(s5, b3)), f64x2.mul(s3, b4)), f64x2.mul(s1, b5));
      const p3 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c3, a1)), f64x2.mul(c5, a2)), f64x2.mul(c2, a3)), f64x2.mul(c1, a4)), f64x2.mul(c4, a5));
      const q3 = f64x2.add(f64x2.add(f64x2.sub(f64x2.sub(f64x2.mul(s3, b1), f64x2.mul(s5, b2)), f64x2.mul(s2, b3)), f64x2.mul(s1, b4)), f64x2.mul(s4, b5));
      const p4 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c4, a1)), f64x2.mul(c3, a2)), f64x2.mul(c1, a3)), f64x2.mul(c5, a4)), f64x2.mul(c2, a5));
      const q4 = f64x2.sub(f64x2.add(f64x2.add(f64x2.sub(f64x2.mul(s4, b1), f64x2.mul(s3, b2)), f64x2.mul(s1, b3)), f64x2.mul(s5, b4)), f64x2.mul(s2, b5));
      const p5 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c5, a1)), f64x2.mul(c1, a2)), f64x2.mul(c4, a3)), f64x2.mul(c2, a4)), f64x2.mul(c3, a5));
      const q5 = f64x2.add(f64x2.sub(f64x2.add(f64x2.sub(f64x2.mul(s5, b1), f64x2.mul(s1, b2)), f64x2.mul(s4, b3)), f64x2.mul(s2, b4)), f64x2.mul(s3, b5));
      if (ido === 1) {
        v128.store(b + 1 * hs, f64x2.add(p1, q1));
        v128.store(b + 10 * hs, f64x2.sub(p1, q1));
        v128.store(b + 2 * hs, f64x2.add(p2, q2));
        v128.store(b + 9 * hs, f64x2.sub(p2, q2));
        v128.store(b + 3 * hs, f64x2.add(p3, q3));
        v128.store(b + 8 * hs, f64x2.sub(p3, q3));
        v128.store(b + 4 * hs, f64x2.add(p4, q4));
        v128.store(b + 7 * hs, f64x2.sub(p4, q4));
        v128.store(b + 5 * hs, f64x2.add(p5, q5));
        v128.store(b + 6 * hs, f64x2.sub(p5, q5));
      } else {
        v128.store(b + 1 * hs, twiddle(f64x2.add(p1, q1), t + 0));
        v128.store(b + 10 * hs, twiddle(f64x2.sub(p1, q1), t + 144));
        v128.store(b + 2 * hs, twiddle(f64x2.add(p2, q2), t + 16));
        v128.store(b + 9 * hs, twiddle(f64x2.sub(p2, q2), t + 128));
        v128.store(b + 3 * hs, twiddle(f64x2.add(p3, q3), t + 32));
        v128.store(b + 8 * hs, twiddle(f64x2.sub(p3, q3), t + 112));
        v128.store(b + 4 * hs, twiddle(f64x2.add(p4, q4), t + 48));
        v128.store(b + 7 * hs, twiddle(f64x2.sub(p4, q4), t + 96));
        v128.store(b + 5 * hs, twiddle(f64x2.add(p5, q5), t + 64));
        v128.store(b + 6 * hs, twiddle(f64x2.sub(p5, q5), t + 80));
      }
      a += 16;
      b += 16;
      t += 160;
    }
  }
}

/** Radix 13, unrolled symmetric-pair DFT (generated by gen-odd-radix.mjs). */
export function pass13(ido: i32, l1: i32, cc: usize, ch: usize, tw: usize): void {
  const cs = (<usize>ido) << 4;
  const hs = (<usize>(ido * l1)) << 4;
  const c1 = f64x2.splat(0.8854560256532099);
  const s1 = f64x2(0.4647231720437685, -0.4647231720437685);
  const c2 = f64x2.splat(0.5680647467311559);
  const s2 = f64x2(0.8229838658936564, -0.8229838658936564);
  const c3 = f64x2.splat(0.120536680255323);
  const s3 = f64x2(0.992708874098054, -0.992708874098054);
  const c4 = f64x2.splat(-0.35460488704253545);
  const s4 = f64x2(0.9350162426854148, -0.9350162426854148);
  const c5 = f64x2.splat(-0.7485107481711012);
  const s5 = f64x2(0.6631226582407952, -0.6631226582407952);
  const c6 = f64x2.splat(-0.970941817426052);
  const s6 = f64x2(0.23931566428755768, -0.23931566428755768);
  for (let k = 0; k < l1; k++) {
    let a = cc + ((<usize>(13 * ido * k)) << 4);
    let b = ch + ((<usize>(ido * k)) << 4);
    let t = tw;
    for (let i = 0; i < ido; i++) {
      const x0 = v128.load(a);
      const u1 = v128.load(a + 1 * cs);
      const v1 = v128.load(a + 12 * cs);
      const a1 = f64x2.add(u1, v1);
      const b1 = swap(f64x2.sub(u1, v1));
      const u2 = v128.load(a + 2 * cs);
      const v2 = v128.load(a + 11 * cs);
      const a2 = f64x2.add(u2, v2);
      const b2 = swap(f64x2.sub(u2, v2));
      const u3 = v128.load(a + 3 * cs);
      const v3 = v128.load(a + 10 * cs);
      const a3 = f64x2.add(u3, v3);
      const b3 = swap(f64x2.sub(u3, v3));
      const u4 = v128.load(a + 4 * cs);
      const v4 = v128.load(a + 9 * cs);
      const a4 = f64x2.add(u4, v4);
      const b4 = swap(f64x2.sub(u4, v4));
      const u5 = v128.load(a + 5 * cs);
      const v5 = v128.load(a + 8 * cs);
      const a5 = f64x2.add(u5, v5);
      const b5 = swap(f64x2.sub(u5, v5));
      const u6 = v128.load(a + 6 * cs);
      const v6 = v128.load(a + 7 * cs);
      const a6 = f64x2.add(u6, v6);
      const b6 = swap(f64x2.sub(u6, v6));
      v128.store(b, f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, a1), a2), a3), a4), a5), a6));
      const p1 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c1, a1)), f64x2.mul(c2, a2)), f64x2.mul(c3, a3)), f64x2.mul(c4, a4)), f64x2.mul(c5, a5)), f64x2.mul(c6, a6));
      const q1 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.mul(s1, b1), f64x2.mul(s2, b2)), f64x2.mul(s3, b3)), f64x2.mul(s4, b4)), f64x2.mul(s5, b5)), f64x2.mul(s6, b6));
      const p2 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c2, a1)), f64x2.mul(c4, a2)), f64x2.mul(c6, a3)), f64x2.mul(c5, a4)), f64x2.mul(c3, a5)), f64x2.mul(c1, a6));
      const q2 = f64x2.sub(f64x2.sub(f64x2.sub(f64x2.add(f64x2.add(f64x2.mul(s2, b1), f64x2.mul(s4, b2)), f64x2.mul(s6, b3)), f64x2.mul(s5, b4)), f64x2.mul(s3, b5)), f64x2.mul(s1, b6));
      const p3 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c3, a1)), f64x2.mul(c6, a2)), f64x2.mul(c4, a3)), f64x2.mul(c1, a4)), f64x2.mul(c2, a5)), f64x2.mul(c5, a6));
      const q3 = f64x2.add(f64x2.add(f64x2.sub(f64x2.sub(f64x2.add(f64x2.mul(s3, b1), f64x2.mul(s6, b2)), f64x2.mul(s4, b3)), f64x2.mul(s1, b4)), f64x2.mul(s2, b5)), f64x2.mul(s5, b6));
      const p4 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c4, a1)), f64x2.mul(c5, a2)), f64x2.mul(c1, a3)), f64x2.mul(c3, a4)), f64x2.mul(c6, a5)), f64x2.mul(c2, a6));
      const q4 = f64x2.sub(f64x2.sub(f64x2.add(f64x2.sub(f64x2.sub(f64x2.mul(s4, b1), f64x2.mul(s5, b2)), f64x2.mul(s1, b3)), f64x2.mul(s3, b4)), f64x2.mul(s6, b5)), f64x2.mul(s2, b6));
      const p5 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c5, a1)), f64x2.mul(c3, a2)), f64x2.mul(c2, a3)), f64x2.mul(c6, a4)), f64x2.mul(c1, a5)), f64x2.mul(c4, a6));
      const q5 = f64x2.add(f64x2.sub(f64x2.sub(f64x2.add(f64x2.sub(f64x2.mul(s5, b1), f64x2.mul(s3, b2)), f64x2.mul(s2, b3)), f64x2.mul(s6, b4)), f64x2.mul(s1, b5)), f64x2.mul(s4, b6));
      const p6 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(x0, f64x2.mul(c6, a1)), f64x2.mul(c1, a2)), f64x2.mul(c5, a3)), f64x2.mul(c2, a4)), f64x2.mul(c4, a5)), f64x2.mul(c3, a6));
      const q6 = f64x2.sub(f64x2.add(f64x2.sub(f64x2.add(f64x2.sub(f64x2.mul(s6, b1), f64x2.mul(s1, b2)), f64x2.mul(s5, b3)), f64x2.mul(s2, b4)), f64x2.mul(s4, b5)), f64x2.mul(s3, b6));
      if (ido === 1) {
        v128.store(b + 1 * hs, f64x2.add(p1, q1));
        v128.store(b + 12 * hs, f64x2.sub(p1, q1));
        v128.store(b + 2 * hs, f64x2.add(p2, q2));
        v128.store(b + 11 * hs, f64x2.sub(p2, q2));
        v128.store(b + 3 * hs, f64x2.add(p3, q3));
        v128.store(b + 10 * hs, f64x2.sub(p3, q3));
        v128.store(b + 4 * hs, f64x2.add(p4, q4));
        v128.store(b + 9 * hs, f64x2.sub(p4, q4));
        v128.store(b + 5 * hs, f64x2.add(p5, q5));
        v128.store(b + 8 * hs, f64x2.sub(p5, q5));
        v128.store(b + 6 * hs, f64x2.add(p6, q6));
        v128.store(b + 7 * hs, f64x2.sub(p6, q6));
      } else {
        v128.store(b + 1 * hs, twiddle(f64x2.add(p1, q1), t + 0));
        v128.store(b + 12 * hs, twiddle(f64x2.sub(p1, q1), t + 176));
        v128.store(b + 2 * hs, twiddle(f64x2.add(p2, q2), t + 16));
        v128.store(b + 11 * hs, twiddle(f64x2.sub(p2, q2), t + 160));
        v128.store(b + 3 * hs, twiddle(f64x2.add(p3, q3), t + 32));
        v128.store(b + 10 * hs, twiddle(f64x2.sub(p3, q3), t + 144));
        v128.store(b + 4 * hs, twiddle(f64x2.add(p4, q4), t + 48));
        v128.store(b + 9 * hs, twiddle(f64x2.sub(p4, q4), t + 128));
        v128.store(b + 5 * hs, twiddle(f64x2.add(p5, q5), t + 64));
        v128.store(b + 8 * hs, twiddle(f64x2.sub(p5, q5), t + 112));
        v128.store(b + 6 * hs, twiddle(f64x2.add(p6, q6), t + 80));
        v128.store(b + 7 * hs, twiddle(f64x2.sub(p6, q6), t + 96));
      }
      a += 16;
      b += 16;
      t += 192;
    }
  }
}
// END GENERATED ODD RADIX

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
  const twStride = (<usize>(p - 1)) << 4;
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
          v128.store(b + (<usize>m) * hs, twiddle(ym, t + ((<usize>(m - 1)) << 4)));
          v128.store(b + (<usize>(p - m)) * hs, twiddle(yn, t + ((<usize>(p - m - 1)) << 4)));
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

// ---- plan descriptors: the pass loop runs inside wasm (one call per transform) ----
//
// A descriptor is, in i32 words: [n, passCount, 0, 0], then per pass
// [radix, l1, ido, tw, trig, 0, 0, 0] (32 bytes).

/** Runs the passes of a descriptor on data, ping-ponging with scratch; returns where the result is. */
export function runPlan(desc: usize, data: usize, scratch: usize, odd: usize): usize {
  const count = load<i32>(desc, 4);
  let src = data;
  let dst = scratch;
  for (let i = 0; i < count; i++) {
    const d = desc + 16 + ((<usize>i) << 5);
    const radix = load<i32>(d);
    const l1 = load<i32>(d, 4);
    const ido = load<i32>(d, 8);
    const tw = <usize>load<u32>(d, 12);
    if (radix === 4) pass4(ido, l1, src, dst, tw);
    else if (radix === 8) pass8(ido, l1, src, dst, tw);
    else if (radix === 2) pass2(ido, l1, src, dst, tw);
    else if (radix === 3) pass3(ido, l1, src, dst, tw);
    else if (radix === 5) pass5(ido, l1, src, dst, tw);
    else if (radix === 7) pass7(ido, l1, src, dst, tw);
    else if (radix === 11) pass11(ido, l1, src, dst, tw);
    else if (radix === 13) pass13(ido, l1, src, dst, tw);
    else passOdd(radix, ido, l1, src, dst, tw, <usize>load<u32>(d, 16), odd);
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

function runInPlace(desc: usize, data: usize, scratch: usize, odd: usize): void {
  const r = runPlan(desc, data, scratch, odd);
  if (r !== data) memory.copy(data, r, (<usize>load<i32>(desc)) << 4);
}

/**
 * dst[c·dstStride + r] = src[r·srcStride + c] (· tw[c·twStride + r] when tw ≠ 0) for
 * r < rows, c < cols; strides count complex values, tw is plainly interleaved (wr, wi).
 * The inner loop runs over the smaller dimension so that one side moves in contiguous
 * runs.
 */
export function transpose(
  dst: usize,
  dstStride: i32,
  src: usize,
  srcStride: i32,
  rows: i32,
  cols: i32,
  tw: usize,
  twStride: i32,
): void {
  const ts = (<usize>twStride) << 4;
  const ds = (<usize>dstStride) << 4;
  const ss = (<usize>srcStride) << 4;
  // The inner loops move two values per step: two independent load/store chains keep
  // more memory accesses in flight (measured faster on strided columns).
  if (rows <= cols) {
    for (let c = 0; c < cols; c++) {
      let s = src + ((<usize>c) << 4);
      let d = dst + (<usize>c) * ds;
      let r = 0;
      if (tw === 0) {
        for (; r + 1 < rows; r += 2) {
          const x0 = v128.load(s);
          const x1 = v128.load(s + ss);
          v128.store(d, x0);
          v128.store(d + 16, x1);
          s += ss << 1;
          d += 32;
        }
        if (r < rows) v128.store(d, v128.load(s));
      } else {
        let t = tw + (<usize>c) * ts;
        for (; r + 1 < rows; r += 2) {
          const x0 = v128.load(s);
          const x1 = v128.load(s + ss);
          v128.store(d, mulTw(x0, v128.load(t)));
          v128.store(d + 16, mulTw(x1, v128.load(t + 16)));
          s += ss << 1;
          t += 32;
          d += 32;
        }
        if (r < rows) v128.store(d, mulTw(v128.load(s), v128.load(t)));
      }
    }
  } else {
    for (let r = 0; r < rows; r++) {
      let s = src + (<usize>r) * ss;
      let d = dst + ((<usize>r) << 4);
      let c = 0;
      if (tw === 0) {
        for (; c + 1 < cols; c += 2) {
          const x0 = v128.load(s);
          const x1 = v128.load(s + 16);
          v128.store(d, x0);
          v128.store(d + ds, x1);
          s += 32;
          d += ds << 1;
        }
        if (c < cols) v128.store(d, v128.load(s));
      } else {
        let t = tw + ((<usize>r) << 4);
        for (; c + 1 < cols; c += 2) {
          const x0 = v128.load(s);
          const x1 = v128.load(s + 16);
          v128.store(d, mulTw(x0, v128.load(t)));
          v128.store(d + ds, mulTw(x1, v128.load(t + ts)));
          s += 32;
          t += ts << 1;
          d += ds << 1;
        }
        if (c < cols) v128.store(d, mulTw(v128.load(s), v128.load(t)));
      }
    }
  }
}

/** x·w for w stored plainly interleaved (wr, wi). */
// @inline
function mulTw(x: v128, w: v128): v128 {
  const wrr = v128.shuffle<f64>(w, w, 0, 0);
  const wii = f64x2.mul(v128.shuffle<f64>(w, w, 1, 1), f64x2(-1.0, 1.0));
  return f64x2.add(f64x2.mul(x, wrr), f64x2.mul(swap(x), wii));
}

/**
 * Bailey's four-step FFT (Bailey 1990, "FFTs in external or hierarchical memory") for
 * n = n1·n2, cache-blocked: with a[j1][j2] = x[j1·n2 + j2],
 *   1. length-n1 FFTs down the columns, times the twiddles W_n^{j2·k1},
 *   2. length-n2 FFTs along the rows, written transposed: out[k2·n1 + k1].
 * Columns and rows move `block` lines at a time through tmp, whose lines are `pitch`
 * complex apart (a little more than max(n1, n2): power-of-two strides would make the
 * block's lines collide in the same cache sets), so every sub-FFT runs in cache and
 * the big array is streamed only a few times. `line` is max(n1, n2) complex of scratch.
 * The twiddles are stored in the order this reads them: for each block of columns
 * j2 = jb·block + r, tw[jb][k1][r] (block·n1 complex per block).
 * Leaves a overwritten; the result is in out.
 */
export function fourStep(
  desc1: usize,
  desc2: usize,
  a: usize,
  out: usize,
  tw: usize,
  tmp: usize,
  pitch: i32,
  line: usize,
  odd: usize,
  block: i32,
): void {
  const n1 = load<i32>(desc1);
  const n2 = load<i32>(desc2);
  const lineBytes = (<usize>pitch) << 4;
  for (let j2 = 0; j2 < n2; j2 += block) {
    const bb = min(block, n2 - j2);
    const col = a + ((<usize>j2) << 4);
    transpose(tmp, pitch, col, n2, n1, bb, 0, 0);
    for (let c = 0; c < bb; c++) runInPlace(desc1, tmp + (<usize>c) * lineBytes, line, odd);
    transpose(col, n2, tmp, pitch, bb, n1, tw + ((<usize>(j2 * n1)) << 4), block);
  }
  const n2Bytes = (<usize>n2) << 4;
  for (let k1 = 0; k1 < n1; k1 += block) {
    const bb = min(block, n1 - k1);
    for (let r = 0; r < bb; r++) {
      const row = a + (<usize>(k1 + r)) * n2Bytes;
      const dst = tmp + (<usize>r) * lineBytes;
      // the row itself serves as the ping-pong buffer; the result must end up in tmp
      if (runPlan(desc2, row, dst, odd) !== dst) memory.copy(dst, row, n2Bytes);
    }
    transpose(out + ((<usize>k1) << 4), n1, tmp, pitch, bb, n2, 0, 0);
  }
}

// ---- real FFT: the split step of the "two reals in one complex" packing ----
//
// n = 2h reals packed as h complex z_j = x_{2j} + i·x_{2j+1}; Z = FFT_h(z). `roots` holds
// W^k = exp(-2πik/n) for k <= h/2 in the twiddle format (wr, wr, -wi, wi).

/** X_k, k = 0..h, from Z (out: h+1 complex), times scale. */
/** One pair (k, h-k) of rfftPost. */
// @inline
function rfftPostPair(out: usize, z: usize, roots: usize, h: i32, k: i32, hs: v128): void {
  const conj = f64x2(1.0, -1.0);
  const m = h - k;
  const a = v128.load(z + ((<usize>k) << 4));
  const bc = f64x2.mul(v128.load(z + ((<usize>m) << 4)), conj); // conj Z_m
  const e = f64x2.add(a, bc); // 2E
  const o = mulNegI(f64x2.sub(a, bc)); // 2O = (Z_k - conj Z_m)/i
  const t = twiddle(o, roots + ((<usize>k) << 4)); // W^k·2O
  v128.store(out + ((<usize>k) << 4), f64x2.mul(f64x2.add(e, t), hs));
  v128.store(out + ((<usize>m) << 4), f64x2.mul(f64x2.mul(f64x2.sub(e, t), conj), hs));
}

export function rfftPost(out: usize, z: usize, roots: usize, h: i32, scale: f64): void {
  const z0 = v128.load(z);
  const z0r = f64x2.extract_lane(z0, 0);
  const z0i = f64x2.extract_lane(z0, 1);
  v128.store(out, f64x2((z0r + z0i) * scale, 0));
  v128.store(out + ((<usize>h) << 4), f64x2((z0r - z0i) * scale, 0));
  const hs = f64x2.splat(0.5 * scale);
  const last = h >> 1;
  let k = 1;
  // two independent pairs per iteration: the pairs' dependency chains overlap
  for (; k + 1 <= last; k += 2) {
    rfftPostPair(out, z, roots, h, k, hs);
    rfftPostPair(out, z, roots, h, k + 1, hs);
  }
  if (k <= last) rfftPostPair(out, z, roots, h, k, hs);
}

/**
 * The inverse split: from X_0..X_h (imaginary parts of X_0 and X_h ignored) writes
 * conj(Z) into z, so that a FORWARD FFT of z followed by conjugation is the backward one.
 */
/** One pair (k, h-k) of rfftPre. */
// @inline
function rfftPrePair(z: usize, x: usize, roots: usize, h: i32, k: i32): void {
  const conj = f64x2(1.0, -1.0);
  const m = h - k;
  const a = v128.load(x + ((<usize>k) << 4));
  const bc = f64x2.mul(v128.load(x + ((<usize>m) << 4)), conj); // conj X_m
  const e = f64x2.add(a, bc); // 2E
  // 2O = (X_k - conj X_m)·conj(W^k) = conj(conj(X_k - conj X_m)·W^k)
  const o = f64x2.mul(twiddle(f64x2.mul(f64x2.sub(a, bc), conj), roots + ((<usize>k) << 4)), conj);
  const io = f64x2.mul(swap(o), f64x2(-1.0, 1.0)); // i·2O
  // Z_k = 2E + i·2O, Z_m = conj(2E) + i·conj(2O) = conj(2E - i·2O); store conjugates
  v128.store(z + ((<usize>k) << 4), f64x2.mul(f64x2.add(e, io), conj));
  v128.store(z + ((<usize>m) << 4), f64x2.sub(e, io));
}

export function rfftPre(z: usize, x: usize, roots: usize, h: i32): void {
  const x0 = f64x2.extract_lane(v128.load(x), 0);
  const xh = f64x2.extract_lane(v128.load(x + ((<usize>h) << 4)), 0);
  v128.store(z, f64x2(x0 + xh, xh - x0));
  const last = h >> 1;
  let k = 1;
  // two independent pairs per iteration: the pairs' dependency chains overlap
  for (; k + 1 <= last; k += 2) {
    rfftPrePair(z, x, roots, h, k);
    rfftPrePair(z, x, roots, h, k + 1);
  }
  if (k <= last) rfftPrePair(z, x, roots, h, k);
}

// ---- batches of strided lines ----

/**
 * Gathers `count` lines of n complex values, line c element r at
 * src + 16·(c·lineStride + r·elemStride) (strides may be negative), into dst with
 * lines `pitch` complex apart, multiplying lanes by (sr, si). The loop nest walks the
 * source along its smaller stride.
 */
export function gatherLines(
  dst: usize,
  pitch: i32,
  src: usize,
  elemStride: i32,
  lineStride: i32,
  n: i32,
  count: i32,
  sr: f64,
  si: f64,
): void {
  const s = f64x2(sr, si);
  const es = (<isize>elemStride) << 4;
  const ls = (<isize>lineStride) << 4;
  const ps = (<usize>pitch) << 4;
  if (abs(lineStride) <= abs(elemStride)) {
    for (let r = 0; r < n; r++) {
      let p = <isize>src + (<isize>r) * es;
      let d = dst + ((<usize>r) << 4);
      for (let c = 0; c < count; c++) {
        v128.store(d, f64x2.mul(v128.load(<usize>p), s));
        p += ls;
        d += ps;
      }
    }
  } else {
    for (let c = 0; c < count; c++) {
      let p = <isize>src + (<isize>c) * ls;
      let d = dst + (<usize>c) * ps;
      for (let r = 0; r < n; r++) {
        v128.store(d, f64x2.mul(v128.load(<usize>p), s));
        p += es;
        d += 16;
      }
    }
  }
}

/** The inverse of gatherLines: writes lines from src (pitch apart) back to the strided layout. */
/**
 * gatherLines for real (f64) values: `count` lines of n reals, line c element r at
 * src + 8·(c·lineStride + r·elemStride) (strides non-negative), into dst with lines
 * `pitch` reals apart. The loop nest walks the source along its smaller stride.
 */
export function gatherReal(dst: usize, pitch: i32, src: usize, elemStride: i32, lineStride: i32, n: i32, count: i32): void {
  const es = (<usize>elemStride) << 3;
  const ls = (<usize>lineStride) << 3;
  const ps = (<usize>pitch) << 3;
  if (lineStride <= elemStride) {
    for (let r = 0; r < n; r++) {
      let p = src + (<usize>r) * es;
      let d = dst + ((<usize>r) << 3);
      for (let c = 0; c < count; c++) {
        store<f64>(d, load<f64>(p));
        p += ls;
        d += ps;
      }
    }
  } else {
    for (let c = 0; c < count; c++) {
      let p = src + (<usize>c) * ls;
      let d = dst + (<usize>c) * ps;
      for (let r = 0; r < n; r++) {
        store<f64>(d, load<f64>(p));
        p += es;
        d += 8;
      }
    }
  }
}

/** The inverse of gatherReal: lines `pitch` reals apart at src, to dst with the given strides. */
export function scatterReal(dst: usize, elemStride: i32, lineStride: i32, src: usize, pitch: i32, n: i32, count: i32): void {
  const es = (<usize>elemStride) << 3;
  const ls = (<usize>lineStride) << 3;
  const ps = (<usize>pitch) << 3;
  if (lineStride <= elemStride) {
    for (let r = 0; r < n; r++) {
      let p = dst + (<usize>r) * es;
      let q = src + ((<usize>r) << 3);
      for (let c = 0; c < count; c++) {
        store<f64>(p, load<f64>(q));
        p += ls;
        q += ps;
      }
    }
  } else {
    for (let c = 0; c < count; c++) {
      let p = dst + (<usize>c) * ls;
      let q = src + (<usize>c) * ps;
      for (let r = 0; r < n; r++) {
        store<f64>(p, load<f64>(q));
        p += es;
        q += 8;
      }
    }
  }
}

export function scatterLines(
  dst: usize,
  elemStride: i32,
  lineStride: i32,
  src: usize,
  pitch: i32,
  n: i32,
  count: i32,
  sr: f64,
  si: f64,
): void {
  const s = f64x2(sr, si);
  const es = (<isize>elemStride) << 4;
  const ls = (<isize>lineStride) << 4;
  const ps = (<usize>pitch) << 4;
  if (abs(lineStride) <= abs(elemStride)) {
    for (let r = 0; r < n; r++) {
      let p = <isize>dst + (<isize>r) * es;
      let q = src + ((<usize>r) << 4);
      for (let c = 0; c < count; c++) {
        v128.store(<usize>p, f64x2.mul(v128.load(q), s));
        p += ls;
        q += ps;
      }
    }
  } else {
    for (let c = 0; c < count; c++) {
      let p = <isize>dst + (<isize>c) * ls;
      let q = src + (<usize>c) * ps;
      for (let r = 0; r < n; r++) {
        v128.store(<usize>p, f64x2.mul(v128.load(q), s));
        p += es;
        q += 16;
      }
    }
  }
}

/**
 * Forward FFTs of `count` lines through a descriptor plan, gathered `block` at a time
 * into tmpA (lines `pitch` apart), transformed in cache with tmpB (same shape) as the
 * ping-pong buffer, and scattered back from whichever of the two holds the results.
 * (sr, si) multiply the lanes on the way in (conjugation for a backward transform) and
 * (or, oi) on the way out (scale, conjugation).
 */
export function runLines(
  desc: usize,
  base: usize,
  elemStride: i32,
  lineStride: i32,
  count: i32,
  tmpA: usize,
  tmpB: usize,
  pitch: i32,
  block: i32,
  odd: usize,
  sr: f64,
  si: f64,
  or: f64,
  oi: f64,
): void {
  const n = load<i32>(desc);
  const ls = (<isize>lineStride) << 4;
  const ps = (<usize>pitch) << 4;
  for (let c0 = 0; c0 < count; c0 += block) {
    const bb = min(block, count - c0);
    const src = <usize>(<isize>base + (<isize>c0) * ls);
    gatherLines(tmpA, pitch, src, elemStride, lineStride, n, bb, sr, si);
    let res = tmpA;
    for (let c = 0; c < bb; c++) {
      const off = (<usize>c) * ps;
      res = runPlan(desc, tmpA + off, tmpB + off, odd) - off;
    }
    scatterLines(src, elemStride, lineStride, res, pitch, n, bb, or, oi);
  }
}

/**
 * Forward FFTs of `count` contiguous lines (line c at base + 16·c·lineStride), in place,
 * with `scratch` (n complex) as the ping-pong buffer; lanes are multiplied by (sr, si)
 * before and by (or, oi) after.
 */
export function runContiguous(
  desc: usize,
  base: usize,
  lineStride: i32,
  count: i32,
  scratch: usize,
  odd: usize,
  sr: f64,
  si: f64,
  or: f64,
  oi: f64,
): void {
  const n = load<i32>(desc);
  const pre = sr !== 1.0 || si !== 1.0;
  const ls = (<usize>lineStride) << 4;
  const bytes = (<usize>n) << 4;
  const o = f64x2(or, oi);
  for (let c = 0; c < count; c++) {
    const line = base + (<usize>c) * ls;
    if (pre) scaleLanes(line, n, sr, si);
    const r = runPlan(desc, line, scratch, odd);
    if (r !== line || or !== 1.0 || oi !== 1.0) {
      for (let k: usize = 0; k < bytes; k += 16) v128.store(line + k, f64x2.mul(v128.load(r + k), o));
    }
  }
}

// ---- odd-length real FFTs: first/last radix-p pass on real data ----
//
// For odd n = p·m and real x, the first (radix-p, decimation-in-frequency) pass gives
// y_r(i) = Σ_j x[i + m·j] ω_p^{jr}, which is real for r = 0 and satisfies
// y_{p-r} = conj(y_r): only r = 0..h (h = (p-1)/2) are needed, and X[r + p·k] is the
// length-m DFT of W_n^{ri}·y_r(i). So an odd real FFT costs one half-size first pass,
// h complex FFTs of length m and one real FFT of length m (recursively), about half a
// complex FFT of length n. `trig` holds (cos 2πr/p, -sin 2πr/p) for r < p; `tw` holds
// W_n^{r·i} as (wr, wi) at (i·h + r-1).

/** Forward first pass: real x (n doubles) -> y0 (m doubles) and blocks r = 1..h (m complex each). */
export function realFirstPass(p: i32, m: i32, x: usize, y0: usize, blocks: usize, tw: usize, trig: usize): void {
  const h = (p - 1) >> 1;
  const ms = (<usize>m) << 3;
  const blockBytes = (<usize>m) << 4;
  if (p === 3) {
    // y1 = (x0 - (x1 + x2)/2, -(x1 - x2)·sin(2π/3))
    const s3 = f64x2(-0.5, -0.8660254037844386);
    for (let i = 0; i < m; i++) {
      const xi = x + ((<usize>i) << 3);
      const x0 = load<f64>(xi);
      const u = load<f64>(xi + ms);
      const v = load<f64>(xi + 2 * ms);
      store<f64>(y0 + ((<usize>i) << 3), x0 + u + v);
      const y1 = f64x2.add(f64x2(x0, 0), f64x2.mul(f64x2(u + v, u - v), s3));
      v128.store(blocks + ((<usize>i) << 4), twiddle(y1, tw + ((<usize>i) << 4)));
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const xi = x + ((<usize>i) << 3);
    const x0 = load<f64>(xi);
    let sum = x0;
    const tBase = tw + ((<usize>(i * h)) << 4);
    for (let r = 1; r <= h; r++) {
      let acc = f64x2(x0, 0);
      let idx = 0;
      for (let j = 1; j <= h; j++) {
        idx += r;
        if (idx >= p) idx -= p;
        const u = load<f64>(xi + (<usize>j) * ms);
        const v = load<f64>(xi + (<usize>(p - j)) * ms);
        acc = f64x2.add(acc, f64x2.mul(f64x2(u + v, u - v), v128.load(trig + ((<usize>idx) << 4))));
        if (r === 1) sum += u + v;
      }
      v128.store(blocks + (<usize>(r - 1)) * blockBytes + ((<usize>i) << 4), twiddle(acc, tBase + ((<usize>(r - 1)) << 4)));
    }
    store<f64>(y0 + ((<usize>i) << 3), sum);
  }
}

/**
 * Backward last pass (the transpose of realFirstPass): from Y0 (m doubles) and blocks
 * Y_r (r = 1..h, m complex each, still multiplied by W_n^{ri}) writes
 * x[i + m·j] = Y0(i) + 2·Σ_r Re(conj(W_n^{ri})·Y_r(i)·ω_p^{-jr}).
 */
export function realLastPass(p: i32, m: i32, y0: usize, blocks: usize, x: usize, tw: usize, trig: usize): void {
  const h = (p - 1) >> 1;
  const ms = (<usize>m) << 3;
  const blockBytes = (<usize>m) << 4;
  const conj = f64x2(1.0, -1.0);
  if (p === 3) {
    // the general loop below with h = 1 unrolled: the same operations in the same order
    const t1 = v128.load(trig + 16);
    const t2 = v128.load(trig + 32);
    for (let i = 0; i < m; i++) {
      const a0 = load<f64>(y0 + ((<usize>i) << 3));
      const v = v128.load(blocks + ((<usize>i) << 4));
      const y = f64x2.mul(twiddle(f64x2.mul(v, conj), tw + ((<usize>i) << 4)), conj);
      const xi = x + ((<usize>i) << 3);
      store<f64>(xi, a0 + 2 * f64x2.extract_lane(y, 0));
      const acc1 = f64x2.add(f64x2.splat(0), f64x2.mul(y, t1));
      store<f64>(xi + ms, a0 + 2 * (f64x2.extract_lane(acc1, 0) + f64x2.extract_lane(acc1, 1)));
      const acc2 = f64x2.add(f64x2.splat(0), f64x2.mul(y, t2));
      store<f64>(xi + 2 * ms, a0 + 2 * (f64x2.extract_lane(acc2, 0) + f64x2.extract_lane(acc2, 1)));
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const base = y0 + ((<usize>i) << 3);
    const a0 = load<f64>(base);
    const tBase = tw + ((<usize>(i * h)) << 4);
    const xi = x + ((<usize>i) << 3);
    let s0 = a0;
    // untwiddle the blocks in place (they are scratch) while summing the j = 0 output
    for (let r = 1; r <= h; r++) {
      const v = v128.load(blocks + (<usize>(r - 1)) * blockBytes + ((<usize>i) << 4));
      const y = f64x2.mul(twiddle(f64x2.mul(v, conj), tBase + ((<usize>(r - 1)) << 4)), conj);
      v128.store(blocks + (<usize>(r - 1)) * blockBytes + ((<usize>i) << 4), y);
      s0 += 2 * f64x2.extract_lane(y, 0);
    }
    store<f64>(xi, s0);
    for (let j = 1; j < p; j++) {
      let acc = f64x2.splat(0);
      let idx = 0;
      for (let r = 1; r <= h; r++) {
        idx += j;
        if (idx >= p) idx -= p;
        const y = v128.load(blocks + (<usize>(r - 1)) * blockBytes + ((<usize>i) << 4));
        acc = f64x2.add(acc, f64x2.mul(y, v128.load(trig + ((<usize>idx) << 4))));
      }
      store<f64>(xi + (<usize>j) * ms, a0 + 2 * (f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1)));
    }
  }
}

/**
 * Forward assembly: X[q], q = 0..(n-1)/2, from the half spectrum R (of the real block,
 * (m+1)/2 complex) and the h complex blocks C_r (m complex each): X[r + p·k] = C_r[k]
 * for 1 <= r <= h, conj(C_{p-r}[m-1-k]) for r > h, and R's full spectrum for r = 0.
 */
export function oddRealAssemble(out: usize, R: usize, C: usize, p: i32, m: i32): void {
  const n = p * m;
  const half = (n - 1) >> 1;
  const mh = (m - 1) >> 1;
  const h = (p - 1) >> 1;
  const blockBytes = (<usize>m) << 4;
  const conj = f64x2(1.0, -1.0);
  // q = r + p·k walks the output in order without any division
  for (let k = 0, q = 0; q <= half; k++) {
    for (let r = 0; r < p && q <= half; r++, q++) {
      let v: v128;
      if (r === 0) {
        v = k <= mh ? v128.load(R + ((<usize>k) << 4)) : f64x2.mul(v128.load(R + ((<usize>(m - k)) << 4)), conj);
      } else if (r <= h) {
        v = v128.load(C + (<usize>(r - 1)) * blockBytes + ((<usize>k) << 4));
      } else {
        v = f64x2.mul(v128.load(C + (<usize>(p - r - 1)) * blockBytes + ((<usize>(m - 1 - k)) << 4)), conj);
      }
      v128.store(out + ((<usize>q) << 4), v);
    }
  }
}

/** Backward split (inverse of oddRealAssemble): fills R (half, (m+1)/2) and the full blocks C_r from X. */
export function oddRealSplit(X: usize, R: usize, C: usize, p: i32, m: i32): void {
  const n = p * m;
  const half = (n - 1) >> 1;
  const mh = (m - 1) >> 1;
  const h = (p - 1) >> 1;
  const blockBytes = (<usize>m) << 4;
  const conj = f64x2(1.0, -1.0);
  for (let k = 0; k <= mh; k++) v128.store(R + ((<usize>k) << 4), v128.load(X + ((<usize>(p * k)) << 4)));
  for (let r = 1; r <= h; r++) {
    const dst = C + (<usize>(r - 1)) * blockBytes;
    for (let k = 0; k < m; k++) {
      const q = r + p * k;
      const v = q <= half ? v128.load(X + ((<usize>q) << 4)) : f64x2.mul(v128.load(X + ((<usize>(n - q)) << 4)), conj);
      v128.store(dst + ((<usize>k) << 4), v);
    }
  }
}

/** dst (n complex) = src (n reals) + 0i. */
export function realToComplex(dst: usize, src: usize, n: i32): void {
  for (let i = 0; i < n; i++) v128.store(dst + ((<usize>i) << 4), f64x2(load<f64>(src + ((<usize>i) << 3)), 0));
}

/** dst (n reals) = scale · Re(src) (n complex). */
export function complexToReal(dst: usize, src: usize, n: i32, scale: f64): void {
  for (let i = 0; i < n; i++) store<f64>(dst + ((<usize>i) << 3), scale * f64x2.extract_lane(v128.load(src + ((<usize>i) << 4)), 0));
}

/**
 * dst (n complex, n odd) = conj of the Hermitian extension of the half spectrum src
 * ((n+1)/2 complex; the imaginary part of src[0] is ignored).
 */
export function hermitianConj(dst: usize, src: usize, n: i32): void {
  const conj = f64x2(1.0, -1.0);
  const half = (n - 1) >> 1;
  v128.store(dst, f64x2(f64x2.extract_lane(v128.load(src), 0), 0));
  for (let k = 1; k <= half; k++) {
    const v = v128.load(src + ((<usize>k) << 4));
    v128.store(dst + ((<usize>k) << 4), f64x2.mul(v, conj));
    v128.store(dst + ((<usize>(n - k)) << 4), v);
  }
}

/**
 * Completes in place the spectrum of a real signal (n complex at data, the first n/2+1
 * holding the forward half spectrum): X[n-k] = conj(X[k]). With `backward`, the line is
 * conjugated as well (for real input the backward transform is the conjugate of the
 * forward one). The zero and Nyquist terms, their own mirror images, are conjugated in
 * both directions, as pocketfft's c2c_sym does for SciPy: their zero imaginary parts
 * become -0.
 */
export function hermitianFill(data: usize, n: i32, backward: bool): void {
  const conj = f64x2(1.0, -1.0);
  const half = (n - 1) >> 1;
  v128.store(data, f64x2.mul(v128.load(data), conj));
  if ((n & 1) === 0 && n > 1) {
    const nyquist = data + ((<usize>(n >> 1)) << 4);
    v128.store(nyquist, f64x2.mul(v128.load(nyquist), conj));
  }
  if (backward) {
    for (let k = 1; k <= half; k++) {
      const at = data + ((<usize>k) << 4);
      const v = v128.load(at);
      v128.store(at, f64x2.mul(v, conj));
      v128.store(data + ((<usize>(n - k)) << 4), v);
    }
  } else {
    for (let k = 1; k <= half; k++) {
      const v = v128.load(data + ((<usize>k) << 4));
      v128.store(data + ((<usize>(n - k)) << 4), f64x2.mul(v, conj));
    }
  }
}

/**
 * Real forward FFTs of `count` lines of n = 2h reals (src lines `srcPitch` reals apart,
 * overwritten) in one call: the mixed-radix plan `desc` of length h on each packed line,
 * rfftPost into dst (lines `dstPitch` complex apart), and with `fill` 1 / 2 the forward /
 * backward Hermitian completion to n values. scratch: 16·h bytes.
 */
export function realForwardLines(
  desc: usize,
  odd: usize,
  roots: usize,
  h: i32,
  src: usize,
  srcPitch: i32,
  dst: usize,
  dstPitch: i32,
  count: i32,
  scratch: usize,
  scale: f64,
  fill: i32,
): void {
  const sp = (<usize>srcPitch) << 3;
  const dp = (<usize>dstPitch) << 4;
  for (let c = 0; c < count; c++) {
    const out = dst + (<usize>c) * dp;
    const z = runPlan(desc, src + (<usize>c) * sp, scratch, odd);
    rfftPost(out, z, roots, h, scale);
    if (fill !== 0) hermitianFill(out, 2 * h, fill === 2);
  }
}

/**
 * Real backward FFTs of `count` lines of n = 2h reals from their h+1 complex terms (src
 * lines `srcPitch` complex apart, only read; imaginary parts of the zero and Nyquist terms
 * ignored) into dst (lines `dstPitch` reals apart), times scale, in one call: per line
 * rfftPre, the mixed-radix plan `desc` of length h, and the conjugated, scaled copy out
 * (the same steps as one line at a time). work: 32·h bytes.
 */
export function realBackwardLines(
  desc: usize,
  odd: usize,
  roots: usize,
  h: i32,
  src: usize,
  srcPitch: i32,
  dst: usize,
  dstPitch: i32,
  count: i32,
  work: usize,
  scale: f64,
): void {
  const sp = (<usize>srcPitch) << 4;
  const dp = (<usize>dstPitch) << 3;
  const scratch = work + ((<usize>h) << 4);
  for (let c = 0; c < count; c++) {
    rfftPre(work, src + (<usize>c) * sp, roots, h);
    const z = runPlan(desc, work, scratch, odd);
    gatherLines(dst + (<usize>c) * dp, h, z, 1, 0, h, 1, scale, -scale);
  }
}

// ---- odd-length real FFTs driven by a descriptor (one call per line or batch) ----
//
// An odd real descriptor is a chain of levels of 8 i32 words:
// [kind, p, m, tw, trig, cmDesc, cmOdd, next]. kind 1 (split, n = p·m): realFirstPass /
// realLastPass with tw, trig, the (p-1)/2 complex FFTs of length m by the mixed-radix plan
// cmDesc, and the real FFT of length m by the level at `next`. kind 0 (direct, n = p): the
// complex FFT of length n by cmDesc. The steps are those of wasm-real-odd.ts, one level at
// a time; `work` is the scratch the JavaScript side sized (oddRealWorkBytes there).

// @inline
function align16(x: usize): usize {
  return (x + 15) & ~(<usize>15);
}

/** n reals at src -> (n+1)/2 complex at dst, unnormalised. */
export function oddRealForward(d: usize, src: usize, dst: usize, work: usize): void {
  const p = load<i32>(d, 4);
  const cmDesc = <usize>load<u32>(d, 20);
  const cmOdd = <usize>load<u32>(d, 24);
  if (load<i32>(d) === 0) {
    const scratch = work + ((<usize>p) << 4);
    realToComplex(work, src, p);
    const r = runPlan(cmDesc, work, scratch, cmOdd);
    memory.copy(dst, r, (<usize>((p + 1) >> 1)) << 4);
    return;
  }
  const m = load<i32>(d, 8);
  const h = (p - 1) >> 1;
  const y0 = work;
  const blocks = align16(y0 + ((<usize>m) << 3));
  const R = blocks + (<usize>(m * h) << 4);
  const scratch = R + ((<usize>((m + 1) >> 1)) << 4);
  const next = scratch + ((<usize>m) << 4);
  realFirstPass(p, m, src, y0, blocks, <usize>load<u32>(d, 12), <usize>load<u32>(d, 16));
  oddRealForward(<usize>load<u32>(d, 28), y0, R, next);
  runContiguous(cmDesc, blocks, m, h, scratch, cmOdd, 1, 1, 1, 1);
  oddRealAssemble(dst, R, blocks, p, m);
}

/** (n+1)/2 complex at src (clobbered; imaginary part of src[0] ignored) -> n reals at dst, unnormalised. */
export function oddRealBackward(d: usize, src: usize, dst: usize, work: usize): void {
  const p = load<i32>(d, 4);
  const cmDesc = <usize>load<u32>(d, 20);
  const cmOdd = <usize>load<u32>(d, 24);
  if (load<i32>(d) === 0) {
    const scratch = work + ((<usize>p) << 4);
    hermitianConj(work, src, p);
    const r = runPlan(cmDesc, work, scratch, cmOdd);
    complexToReal(dst, r, p, 1);
    return;
  }
  const m = load<i32>(d, 8);
  const h = (p - 1) >> 1;
  const R = work;
  const blocks = R + ((<usize>((m + 1) >> 1)) << 4);
  const y0 = blocks + (<usize>(m * h) << 4);
  const scratch = align16(y0 + ((<usize>m) << 3));
  const next = scratch + ((<usize>m) << 4);
  oddRealSplit(src, R, blocks, p, m);
  oddRealBackward(<usize>load<u32>(d, 28), R, y0, next);
  runContiguous(cmDesc, blocks, m, h, scratch, cmOdd, 1, -1, 1, -1);
  realLastPass(p, m, y0, blocks, dst, <usize>load<u32>(d, 12), <usize>load<u32>(d, 16));
}

/**
 * oddRealForward on `count` lines of n reals (src lines `srcPitch` reals apart, clobbered
 * as the single-line path may) into dst (lines `dstPitch` complex apart), times scale, the
 * zero term's imaginary part set to 0; with `fill` 1 / 2 each line is then completed by
 * Hermitian symmetry to n values, forward / backward.
 */
export function oddRealForwardLines(
  d: usize,
  n: i32,
  src: usize,
  srcPitch: i32,
  dst: usize,
  dstPitch: i32,
  count: i32,
  work: usize,
  scale: f64,
  fill: i32,
): void {
  const sp = (<usize>srcPitch) << 3;
  const dp = (<usize>dstPitch) << 4;
  const half = n >> 1;
  for (let c = 0; c < count; c++) {
    const out = dst + (<usize>c) * dp;
    oddRealForward(d, src + (<usize>c) * sp, out, work);
    if (scale !== 1.0) scaleLanes(out, half + 1, scale, scale);
    store<f64>(out, 0.0, 8);
    if (fill !== 0) hermitianFill(out, n, fill === 2);
  }
}

/**
 * oddRealBackward on `count` lines: (n+1)/2 complex terms per src line (`srcPitch` complex
 * apart, clobbered) scaled by `scale` first, n reals per dst line (`dstPitch` reals apart).
 */
export function oddRealBackwardLines(
  d: usize,
  n: i32,
  src: usize,
  srcPitch: i32,
  dst: usize,
  dstPitch: i32,
  count: i32,
  work: usize,
  scale: f64,
): void {
  const sp = (<usize>srcPitch) << 4;
  const dp = (<usize>dstPitch) << 3;
  const half = n >> 1;
  for (let c = 0; c < count; c++) {
    const from = src + (<usize>c) * sp;
    if (scale !== 1.0) scaleLanes(from, half + 1, scale, scale);
    oddRealBackward(d, from, dst + (<usize>c) * dp, work);
  }
}

// ---- DCT-II / DCT-III (Makhoul's reordering) around the real FFT ----
// q holds exp(-iπk/(2n)), k <= n/2, as (wr, wi).

/** v[k] = x[2k], v[n-1-k] = x[2k+1] (n doubles each). */
export function dctPermute(v: usize, x: usize, n: i32): void {
  const half = n >> 1;
  let k = 0;
  // two pairs (x[2k], x[2k+1]), (x[2k+2], x[2k+3]) per step: v[k], v[k+1] and v[n-2-k], v[n-1-k]
  for (; k + 1 < half; k += 2) {
    const a = v128.load(x + ((<usize>(2 * k)) << 3));
    const b = v128.load(x + ((<usize>(2 * k + 2)) << 3));
    v128.store(v + ((<usize>k) << 3), v128.shuffle<f64>(a, b, 0, 2));
    v128.store(v + ((<usize>(n - 2 - k)) << 3), v128.shuffle<f64>(a, b, 3, 1));
  }
  for (; k < half; k++) {
    store<f64>(v + ((<usize>k) << 3), load<f64>(x + ((<usize>(2 * k)) << 3)));
    store<f64>(v + ((<usize>(n - 1 - k)) << 3), load<f64>(x + ((<usize>(2 * k + 1)) << 3)));
  }
  if (n & 1) store<f64>(v + ((<usize>half) << 3), load<f64>(x + ((<usize>(n - 1)) << 3)));
}

/** The inverse of dctPermute. */
export function dctUnpermute(x: usize, v: usize, n: i32): void {
  const half = n >> 1;
  let k = 0;
  // x[2k..2k+3] = v[k], v[n-1-k], v[k+1], v[n-2-k]
  for (; k + 1 < half; k += 2) {
    const a = v128.load(v + ((<usize>k) << 3));
    const b = v128.load(v + ((<usize>(n - 2 - k)) << 3));
    v128.store(x + ((<usize>(2 * k)) << 3), v128.shuffle<f64>(a, b, 0, 3));
    v128.store(x + ((<usize>(2 * k + 2)) << 3), v128.shuffle<f64>(a, b, 1, 2));
  }
  for (; k < half; k++) {
    store<f64>(x + ((<usize>(2 * k)) << 3), load<f64>(v + ((<usize>k) << 3)));
    store<f64>(x + ((<usize>(2 * k + 1)) << 3), load<f64>(v + ((<usize>(n - 1 - k)) << 3)));
  }
  if (n & 1) store<f64>(x + ((<usize>(n - 1)) << 3), load<f64>(v + ((<usize>half) << 3)));
}

/** y[k] = Re(q_k V_k), y[n-k] = -Im(q_k V_k) from the half spectrum V of the permuted line. */
export function dct2Post(y: usize, V: usize, q: usize, n: i32): void {
  store<f64>(y, f64x2.extract_lane(v128.load(V), 0));
  const neg = f64x2(-1.0, -1.0);
  let k = 1;
  // two terms per step: y[k], y[k+1] = Re u_k, Re u_{k+1}; y[n-1-k], y[n-k] = -Im u_{k+1}, -Im u_k
  for (; 2 * (k + 1) < n; k += 2) {
    const u0 = twiddle(v128.load(V + ((<usize>k) << 4)), q + ((<usize>k) << 4));
    const u1 = twiddle(v128.load(V + ((<usize>(k + 1)) << 4)), q + ((<usize>(k + 1)) << 4));
    v128.store(y + ((<usize>k) << 3), v128.shuffle<f64>(u0, u1, 0, 2));
    v128.store(y + ((<usize>(n - 1 - k)) << 3), f64x2.mul(v128.shuffle<f64>(u1, u0, 1, 3), neg));
  }
  for (; 2 * k <= n; k++) {
    const u = twiddle(v128.load(V + ((<usize>k) << 4)), q + ((<usize>k) << 4));
    store<f64>(y + ((<usize>k) << 3), f64x2.extract_lane(u, 0));
    store<f64>(y + ((<usize>(n - k)) << 3), -f64x2.extract_lane(u, 1));
  }
}

/** V_k = conj(q_k)·(y_k - i·y_{n-k}), V_0 = y_0: the half spectrum whose backward real FFT is the DCT-III. */
export function dct3Pre(V: usize, y: usize, q: usize, n: i32): void {
  const conj = f64x2(1.0, -1.0);
  v128.store(V, f64x2(load<f64>(y), 0));
  for (let k = 1; 2 * k <= n; k++) {
    const w = f64x2(load<f64>(y + ((<usize>k) << 3)), -load<f64>(y + ((<usize>(n - k)) << 3)));
    // w·conj(q) = conj(conj(w)·q)
    v128.store(V + ((<usize>k) << 4), f64x2.mul(twiddle(f64x2.mul(w, conj), q + ((<usize>k) << 4)), conj));
  }
}

// ---- Rader's algorithm (prime n): index permutations ----

/** dst[p] = src[idx[p]] for p < count (complex values, i32 indices). */
export function gatherIndexed(dst: usize, src: usize, idx: usize, count: i32): void {
  for (let p = 0; p < count; p++) {
    const j = <usize>load<i32>(idx + ((<usize>p) << 2));
    v128.store(dst + ((<usize>p) << 4), v128.load(src + (j << 4)));
  }
}

/** dst[idx[q]] = conj(src[q]) + (ar, ai) for q < count. */
export function scatterIndexedConj(dst: usize, src: usize, idx: usize, count: i32, ar: f64, ai: f64): void {
  const add = f64x2(ar, ai);
  const conj = f64x2(1.0, -1.0);
  for (let q = 0; q < count; q++) {
    const j = <usize>load<i32>(idx + ((<usize>q) << 2));
    v128.store(dst + (j << 4), f64x2.add(f64x2.mul(v128.load(src + ((<usize>q) << 4)), conj), add));
  }
}
