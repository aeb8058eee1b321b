/**
 * Levinson's recursion for a general (non-symmetric) Toeplitz system T X = B, T[i, j] = t(i − j),
 * in O(n²) per right-hand side: Levinson (1947) and its non-symmetric form by Zohar (1974), as
 * in Golub & Van Loan, Matrix Computations, §4.7. Bordering the leading k×k block T_k, it keeps
 * the forward and backward vectors f, g (T_k f = e₁, T_k g = e_k) and the solution of the
 * leading k equations; each step needs one division by 1 − ε_f·ε_b, which is zero exactly when
 * the next leading principal minor is singular. Real (lanes = 1) or complex interleaved
 * (lanes = 2), in double precision.
 */

/**
 * Solves T X = B in place of B (n×k, row-major, `lanes` per element). `diagonals` holds the
 * diagonal d = i − j of T (d from −(n − 1) to n − 1) at 2·(d + n − 1) as re, im. Returns 0, or
 * the order of the first singular leading principal minor (nothing else is then meaningful).
 * Complex products and quotients are written out inline (no arrays in the O(n²) loops), in
 * the order x·y = (xr·yr − xi·yi, xr·yi + xi·yr).
 */
export function levinson(n: number, k: number, lanes: number, diagonals: Float64Array, b: Float64Array): number {
  if (lanes === 1) return levinsonReal(n, k, diagonals, b);
  const at = (d: number) => 2 * (d + n - 1);
  const t0r = diagonals[at(0)];
  const t0i = diagonals[at(0) + 1];
  if (t0r === 0 && t0i === 0) return 1;
  const f = new Float64Array(2 * n);
  const g = new Float64Array(2 * n);
  const x = new Float64Array(2 * n * k);
  const nf = new Float64Array(2 * n);
  const ng = new Float64Array(2 * n);
  // 1 / t0
  let ir: number;
  let ii: number;
  if (t0i === 0) {
    ir = 1 / t0r;
    ii = 0 / t0r;
  } else {
    const d = t0r * t0r + t0i * t0i;
    ir = t0r / d;
    ii = -t0i / d;
  }
  f[0] = g[0] = ir;
  f[1] = g[1] = ii;
  for (let c = 0; c < k; c++) {
    const br = b[lanes * c];
    const bi = lanes === 2 ? b[lanes * c + 1] : 0;
    x[2 * c] = br * ir - bi * ii;
    x[2 * c + 1] = br * ii + bi * ir;
  }
  for (let m = 1; m < n; m++) {
    // ε_f: row m of T times [f; 0]; ε_b: row 0 of T times [0; g]
    let efr = 0;
    let efi = 0;
    let ebr = 0;
    let ebi = 0;
    for (let j = 0; j < m; j++) {
      const a = at(m - j);
      const ar = diagonals[a];
      const ai = diagonals[a + 1];
      efr += ar * f[2 * j] - ai * f[2 * j + 1];
      efi += ar * f[2 * j + 1] + ai * f[2 * j];
      const q = at(-(j + 1));
      const br = diagonals[q];
      const bi = diagonals[q + 1];
      ebr += br * g[2 * j] - bi * g[2 * j + 1];
      ebi += br * g[2 * j + 1] + bi * g[2 * j];
    }
    const dr = 1 - (efr * ebr - efi * ebi);
    const di = -(efr * ebi + efi * ebr);
    if (dr === 0 && di === 0) return m + 1;
    const dd = dr * dr + di * di;
    // f' = ([f; 0] − ε_f [0; g]) / d,  g' = ([0; g] − ε_b [f; 0]) / d
    for (let j = 0; j <= m; j++) {
      const fr = j < m ? f[2 * j] : 0;
      const fi = j < m ? f[2 * j + 1] : 0;
      const gr = j > 0 ? g[2 * (j - 1)] : 0;
      const gi = j > 0 ? g[2 * (j - 1) + 1] : 0;
      const xr = fr - (efr * gr - efi * gi);
      const xi = fi - (efr * gi + efi * gr);
      const yr = gr - (ebr * fr - ebi * fi);
      const yi = gi - (ebr * fi + ebi * fr);
      if (di === 0) {
        nf[2 * j] = xr / dr;
        nf[2 * j + 1] = xi / dr;
        ng[2 * j] = yr / dr;
        ng[2 * j + 1] = yi / dr;
      } else {
        nf[2 * j] = (xr * dr + xi * di) / dd;
        nf[2 * j + 1] = (xi * dr - xr * di) / dd;
        ng[2 * j] = (yr * dr + yi * di) / dd;
        ng[2 * j + 1] = (yi * dr - yr * di) / dd;
      }
    }
    f.set(nf.subarray(0, 2 * (m + 1)));
    g.set(ng.subarray(0, 2 * (m + 1)));
    // x' = [x; 0] + (b_m − row m of T times [x; 0]) g'
    for (let c = 0; c < k; c++) {
      let sr = b[lanes * (m * k + c)];
      let si = lanes === 2 ? b[lanes * (m * k + c) + 1] : 0;
      for (let j = 0; j < m; j++) {
        const a = at(m - j);
        const ar = diagonals[a];
        const ai = diagonals[a + 1];
        const pr = x[2 * (j * k + c)];
        const pi = x[2 * (j * k + c) + 1];
        sr -= ar * pr - ai * pi;
        si -= ar * pi + ai * pr;
      }
      for (let j = 0; j <= m; j++) {
        x[2 * (j * k + c)] += sr * g[2 * j] - si * g[2 * j + 1];
        x[2 * (j * k + c) + 1] += sr * g[2 * j + 1] + si * g[2 * j];
      }
    }
  }
  for (let i = 0; i < n * k; i++) {
    b[lanes * i] = x[2 * i];
    if (lanes === 2) b[lanes * i + 1] = x[2 * i + 1];
  }
  return 0;
}

/**
 * The same recursion for real T and B (the imaginary parts above are then exactly zero, so
 * this gives the same numbers with a quarter of the arithmetic).
 */
function levinsonReal(n: number, k: number, diagonals: Float64Array, b: Float64Array): number {
  // t[d + n − 1] = diagonal d
  const t = new Float64Array(2 * n - 1);
  for (let i = 0; i < t.length; i++) t[i] = diagonals[2 * i];
  const o = n - 1;
  const t0 = t[o];
  if (t0 === 0) return 1;
  const f = new Float64Array(n);
  const g = new Float64Array(n);
  const nf = new Float64Array(n);
  const ng = new Float64Array(n);
  const x = new Float64Array(n * k);
  const inverse = 1 / t0;
  f[0] = g[0] = inverse;
  for (let c = 0; c < k; c++) x[c] = b[c] * inverse;
  for (let m = 1; m < n; m++) {
    let ef = 0;
    let eb = 0;
    for (let j = 0; j < m; j++) {
      ef += t[o + m - j] * f[j];
      eb += t[o - j - 1] * g[j];
    }
    const d = 1 - ef * eb;
    if (d === 0) return m + 1;
    for (let j = 0; j <= m; j++) {
      const fj = j < m ? f[j] : 0;
      const gj = j > 0 ? g[j - 1] : 0;
      nf[j] = (fj - ef * gj) / d;
      ng[j] = (gj - eb * fj) / d;
    }
    f.set(nf.subarray(0, m + 1));
    g.set(ng.subarray(0, m + 1));
    for (let c = 0; c < k; c++) {
      let s = b[m * k + c];
      for (let j = 0; j < m; j++) s -= t[o + m - j] * x[j * k + c];
      for (let j = 0; j <= m; j++) x[j * k + c] += s * g[j];
    }
  }
  b.set(x);
  return 0;
}
