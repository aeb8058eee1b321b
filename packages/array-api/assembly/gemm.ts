/**
 * Packed, register-blocked matrix product C ← βC + α·op(A)·op(B) in WebAssembly SIMD, for
 * float64 (f64x2) and float32 (f32x4) — AssemblyScript.
 *
 * Built by `node assembly/build.mjs` (asc --enable simd -O3 --runtime stub) into
 * src/gemm/gemm-wasm-bytes.ts. The JavaScript side (src/gemm/*.ts) places the operands in
 * this module's memory above the packing buffers and passes byte pointers; nothing here
 * allocates.
 *
 * Structure: Goto & van de Geijn, "Anatomy of high-performance matrix multiplication"
 * (ACM TOMS 34(3), 2008), as layered by BLIS (Van Zee & van de Geijn, ACM TOMS 41(3),
 * 2015): the loop over nc-column blocks of op(B); inside it kc-deep slices, packed once
 * into nr-column micro-panels (stays in L3/L2); for each, mc-row blocks of op(A) packed into
 * mr-row micro-panels (stays in L2, α folded in); and a micro-kernel that keeps an mr×nr
 * block of C in registers while it streams one A and one B micro-panel (both in L1).
 * Packing reads op(X) through its transpose flag, so Aᵀ and Bᵀ cost nothing extra.
 * Edge tiles are computed into a zeroed scratch tile (the packed panels are zero-padded)
 * and only their valid part is added to C.
 *
 * Matrices are row-major: op(A)(i, p) = A[i·lda + p] (or A[p·lda + i] when transposed).
 * No FMA: relaxed SIMD is not enabled by default in Node 20, so each update is a multiply
 * and an add (4 such pairs per k-step and vector row keep both the multiply and add pipes
 * busy).
 *
 * `// @inline` lines become AssemblyScript's @inline decorator at build time (build.mjs);
 * they are comments here so that the repository's TypeScript linter can parse the file.
 */

// Register block (measured on x86-64 with 16 vector registers: 4×4 doubles = 8 f64x2
// accumulators, 4×8 floats = 8 f32x4 accumulators) and cache blocks in elements.
const MR64: i32 = 4;
const MR32: i32 = 4;
const NR64: i32 = 4;
const NR32: i32 = 8;
const KC: i32 = 256;
const MC: i32 = 128;
const NC64: i32 = 2048;
const NC32: i32 = 2048;

/** Bytes of packing buffers (A block, B block, edge tile) the module keeps at its heap base. */
const PACK_A_BYTES: usize = <usize>(MC * KC) << 3;
const PACK_B_BYTES: usize = <usize>(KC * NC64) << 3;
const TILE_BYTES: usize = 256;

export function heapBase(): usize {
  return __heap_base;
}

/** First byte the caller may use: above the packing buffers, 64-byte aligned. */
export function workBase(): usize {
  return (__heap_base + PACK_A_BYTES + PACK_B_BYTES + TILE_BYTES + 127) & ~(<usize>63);
}

function packA(): usize {
  return (__heap_base + 63) & ~(<usize>63);
}

function packB(): usize {
  return packA() + PACK_A_BYTES;
}

function tile(): usize {
  return packB() + PACK_B_BYTES;
}

// ---------------------------------------------------------------- float64

/** mr-row micro-panels of α·op(A)[i0:i0+mc, p0:p0+kc], k-major inside a panel, zero-padded. */
function packA64(dst: usize, a: usize, lda: i32, ta: bool, i0: i32, mc: i32, p0: i32, kc: i32, alpha: f64): void {
  for (let ir = 0; ir < mc; ir += MR64) {
    const rows = min(MR64, mc - ir);
    const panel = dst + ((<usize>(ir * kc)) << 3);
    for (let r = 0; r < MR64; r++) {
      const out = panel + ((<usize>r) << 3);
      if (r >= rows) {
        for (let p = 0; p < kc; p++) store<f64>(out + ((<usize>(p * MR64)) << 3), 0);
        continue;
      }
      const i = i0 + ir + r;
      if (ta) {
        for (let p = 0; p < kc; p++) {
          store<f64>(out + ((<usize>(p * MR64)) << 3), alpha * load<f64>(a + ((<usize>((p0 + p) * lda + i)) << 3)));
        }
      } else {
        const src = a + ((<usize>(i * lda + p0)) << 3);
        for (let p = 0; p < kc; p++) store<f64>(out + ((<usize>(p * MR64)) << 3), alpha * load<f64>(src + ((<usize>p) << 3)));
      }
    }
  }
}

/** nr-column micro-panels of op(B)[p0:p0+kc, j0:j0+nc], k-major inside a panel, zero-padded. */
function packB64(dst: usize, b: usize, ldb: i32, tb: bool, p0: i32, kc: i32, j0: i32, nc: i32): void {
  for (let jr = 0; jr < nc; jr += NR64) {
    const cols = min(NR64, nc - jr);
    const panel = dst + ((<usize>(jr * kc)) << 3);
    if (!tb && cols === NR64) {
      for (let p = 0; p < kc; p++) {
        const src = b + ((<usize>((p0 + p) * ldb + j0 + jr)) << 3);
        const out = panel + ((<usize>(p * NR64)) << 3);
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
      }
      continue;
    }
    for (let c = 0; c < NR64; c++) {
      const out = panel + ((<usize>c) << 3);
      const j = j0 + jr + c;
      for (let p = 0; p < kc; p++) {
        let v: f64 = 0;
        if (c < cols) v = load<f64>(b + ((<usize>(tb ? j * ldb + p0 + p : (p0 + p) * ldb + j)) << 3));
        store<f64>(out + ((<usize>(p * NR64)) << 3), v);
      }
    }
  }
}

/** C[0:4, 0:4] (row stride ldc bytes) += the 4×4 product of one packed A and one packed B micro-panel. */
function kernel64(kc: i32, a: usize, b: usize, c: usize, ldc: usize): void {
  let c00 = f64x2.splat(0);
  let c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0);
  let c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0);
  let c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0);
  let c31 = f64x2.splat(0);
  let b0: v128;
  let b1: v128;
  let x: v128;
  for (let p = 0; p < kc; p++) {
    b0 = v128.load(b);
    b1 = v128.load(b, 16);
    x = v128.load64_splat(a);
    c00 = f64x2.add(c00, f64x2.mul(x, b0));
    c01 = f64x2.add(c01, f64x2.mul(x, b1));
    x = v128.load64_splat(a, 8);
    c10 = f64x2.add(c10, f64x2.mul(x, b0));
    c11 = f64x2.add(c11, f64x2.mul(x, b1));
    x = v128.load64_splat(a, 16);
    c20 = f64x2.add(c20, f64x2.mul(x, b0));
    c21 = f64x2.add(c21, f64x2.mul(x, b1));
    x = v128.load64_splat(a, 24);
    c30 = f64x2.add(c30, f64x2.mul(x, b0));
    c31 = f64x2.add(c31, f64x2.mul(x, b1));
    a += 32;
    b += 32;
  }
  v128.store(c, f64x2.add(v128.load(c), c00));
  v128.store(c, f64x2.add(v128.load(c, 16), c01), 16);
  c += ldc;
  v128.store(c, f64x2.add(v128.load(c), c10));
  v128.store(c, f64x2.add(v128.load(c, 16), c11), 16);
  c += ldc;
  v128.store(c, f64x2.add(v128.load(c), c20));
  v128.store(c, f64x2.add(v128.load(c, 16), c21), 16);
  c += ldc;
  v128.store(c, f64x2.add(v128.load(c), c30));
  v128.store(c, f64x2.add(v128.load(c, 16), c31), 16);
}

/** C ← β·C for an m×n block (β = 0 writes zeros, so NaN in C does not survive, as in BLAS). */
function scale64(c: usize, ldc: i32, m: i32, n: i32, beta: f64): void {
  for (let i = 0; i < m; i++) {
    const row = c + ((<usize>(i * ldc)) << 3);
    for (let j = 0; j < n; j++) {
      const q = row + ((<usize>j) << 3);
      store<f64>(q, beta === 0 ? 0 : beta * load<f64>(q));
    }
  }
}

/**
 * C[m×n] ← β·C + α·op(A)·op(B), op(A) m×k, op(B) k×n; `ta`/`tb` = 1 for the transpose.
 * Pointers are byte offsets into this module's memory; leading dimensions in elements.
 */
export function dgemm(ta: i32, tb: i32, m: i32, n: i32, k: i32, alpha: f64, a: usize, lda: i32, b: usize, ldb: i32, beta: f64, c: usize, ldc: i32): void {
  if (beta !== 1) scale64(c, ldc, m, n, beta);
  if (alpha === 0 || k === 0) return;
  const pa = packA();
  const pb = packB();
  const t = tile();
  const ldcBytes = (<usize>ldc) << 3;
  for (let jc = 0; jc < n; jc += NC64) {
    const nc = min(NC64, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB64(pb, b, ldb, tb !== 0, pc, kc, jc, nc);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA64(pa, a, lda, ta !== 0, ic, mc, pc, kc, alpha);
        for (let jr = 0; jr < nc; jr += NR64) {
          const cols = min(NR64, nc - jr);
          const bp = pb + ((<usize>(jr * kc)) << 3);
          for (let ir = 0; ir < mc; ir += MR64) {
            const rows = min(MR64, mc - ir);
            const ap = pa + ((<usize>(ir * kc)) << 3);
            const cp = c + ((<usize>((ic + ir) * ldc + jc + jr)) << 3);
            if (rows === MR64 && cols === NR64) {
              kernel64(kc, ap, bp, cp, ldcBytes);
            } else {
              memory.fill(t, 0, <usize>(MR64 * NR64) << 3);
              kernel64(kc, ap, bp, t, (<usize>NR64) << 3);
              for (let r = 0; r < rows; r++) {
                for (let s = 0; s < cols; s++) {
                  const q = cp + (<usize>r) * ldcBytes + ((<usize>s) << 3);
                  store<f64>(q, load<f64>(q) + load<f64>(t + ((<usize>(r * NR64 + s)) << 3)));
                }
              }
            }
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------- float32

function packA32(dst: usize, a: usize, lda: i32, ta: bool, i0: i32, mc: i32, p0: i32, kc: i32, alpha: f32): void {
  for (let ir = 0; ir < mc; ir += MR32) {
    const rows = min(MR32, mc - ir);
    const panel = dst + ((<usize>(ir * kc)) << 2);
    for (let r = 0; r < MR32; r++) {
      const out = panel + ((<usize>r) << 2);
      if (r >= rows) {
        for (let p = 0; p < kc; p++) store<f32>(out + ((<usize>(p * MR32)) << 2), 0);
        continue;
      }
      const i = i0 + ir + r;
      if (ta) {
        for (let p = 0; p < kc; p++) {
          store<f32>(out + ((<usize>(p * MR32)) << 2), alpha * load<f32>(a + ((<usize>((p0 + p) * lda + i)) << 2)));
        }
      } else {
        const src = a + ((<usize>(i * lda + p0)) << 2);
        for (let p = 0; p < kc; p++) store<f32>(out + ((<usize>(p * MR32)) << 2), alpha * load<f32>(src + ((<usize>p) << 2)));
      }
    }
  }
}

function packB32(dst: usize, b: usize, ldb: i32, tb: bool, p0: i32, kc: i32, j0: i32, nc: i32): void {
  for (let jr = 0; jr < nc; jr += NR32) {
    const cols = min(NR32, nc - jr);
    const panel = dst + ((<usize>(jr * kc)) << 2);
    if (!tb && cols === NR32) {
      for (let p = 0; p < kc; p++) {
        const src = b + ((<usize>((p0 + p) * ldb + j0 + jr)) << 2);
        const out = panel + ((<usize>(p * NR32)) << 2);
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
      }
      continue;
    }
    for (let c = 0; c < NR32; c++) {
      const out = panel + ((<usize>c) << 2);
      const j = j0 + jr + c;
      for (let p = 0; p < kc; p++) {
        let v: f32 = 0;
        if (c < cols) v = load<f32>(b + ((<usize>(tb ? j * ldb + p0 + p : (p0 + p) * ldb + j)) << 2));
        store<f32>(out + ((<usize>(p * NR32)) << 2), v);
      }
    }
  }
}

/** C[0:4, 0:8] (row stride ldc bytes) += the 4×8 product of one packed A and one packed B micro-panel. */
function kernel32(kc: i32, a: usize, b: usize, c: usize, ldc: usize): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  let b0: v128;
  let b1: v128;
  let x: v128;
  for (let p = 0; p < kc; p++) {
    b0 = v128.load(b);
    b1 = v128.load(b, 16);
    x = v128.load32_splat(a);
    c00 = f32x4.add(c00, f32x4.mul(x, b0));
    c01 = f32x4.add(c01, f32x4.mul(x, b1));
    x = v128.load32_splat(a, 4);
    c10 = f32x4.add(c10, f32x4.mul(x, b0));
    c11 = f32x4.add(c11, f32x4.mul(x, b1));
    x = v128.load32_splat(a, 8);
    c20 = f32x4.add(c20, f32x4.mul(x, b0));
    c21 = f32x4.add(c21, f32x4.mul(x, b1));
    x = v128.load32_splat(a, 12);
    c30 = f32x4.add(c30, f32x4.mul(x, b0));
    c31 = f32x4.add(c31, f32x4.mul(x, b1));
    a += 16;
    b += 32;
  }
  v128.store(c, f32x4.add(v128.load(c), c00));
  v128.store(c, f32x4.add(v128.load(c, 16), c01), 16);
  c += ldc;
  v128.store(c, f32x4.add(v128.load(c), c10));
  v128.store(c, f32x4.add(v128.load(c, 16), c11), 16);
  c += ldc;
  v128.store(c, f32x4.add(v128.load(c), c20));
  v128.store(c, f32x4.add(v128.load(c, 16), c21), 16);
  c += ldc;
  v128.store(c, f32x4.add(v128.load(c), c30));
  v128.store(c, f32x4.add(v128.load(c, 16), c31), 16);
}

function scale32(c: usize, ldc: i32, m: i32, n: i32, beta: f32): void {
  for (let i = 0; i < m; i++) {
    const row = c + ((<usize>(i * ldc)) << 2);
    for (let j = 0; j < n; j++) {
      const q = row + ((<usize>j) << 2);
      store<f32>(q, beta === 0 ? 0 : beta * load<f32>(q));
    }
  }
}

/** sgemm: dgemm's contract on float32 data (products and sums in single precision, as BLAS's sgemm). */
export function sgemm(ta: i32, tb: i32, m: i32, n: i32, k: i32, alpha: f32, a: usize, lda: i32, b: usize, ldb: i32, beta: f32, c: usize, ldc: i32): void {
  if (beta !== 1) scale32(c, ldc, m, n, beta);
  if (alpha === 0 || k === 0) return;
  const pa = packA();
  const pb = packB();
  const t = tile();
  const ldcBytes = (<usize>ldc) << 2;
  for (let jc = 0; jc < n; jc += NC32) {
    const nc = min(NC32, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB32(pb, b, ldb, tb !== 0, pc, kc, jc, nc);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA32(pa, a, lda, ta !== 0, ic, mc, pc, kc, alpha);
        for (let jr = 0; jr < nc; jr += NR32) {
          const cols = min(NR32, nc - jr);
          const bp = pb + ((<usize>(jr * kc)) << 2);
          for (let ir = 0; ir < mc; ir += MR32) {
            const rows = min(MR32, mc - ir);
            const ap = pa + ((<usize>(ir * kc)) << 2);
            const cp = c + ((<usize>((ic + ir) * ldc + jc + jr)) << 2);
            if (rows === MR32 && cols === NR32) {
              kernel32(kc, ap, bp, cp, ldcBytes);
            } else {
              memory.fill(t, 0, <usize>(MR32 * NR32) << 2);
              kernel32(kc, ap, bp, t, (<usize>NR32) << 2);
              for (let r = 0; r < rows; r++) {
                for (let s = 0; s < cols; s++) {
                  const q = cp + (<usize>r) * ldcBytes + ((<usize>s) << 2);
                  store<f32>(q, load<f32>(q) + load<f32>(t + ((<usize>(r * NR32 + s)) << 2)));
                }
              }
            }
          }
        }
      }
    }
  }
}
