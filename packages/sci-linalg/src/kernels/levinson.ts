/**
 * Levinson's recursion for a general (non-symmetric) Toeplitz system T X = B, T[i, j] = t(i − j),
 * in O(n²) per right-hand side: Levinson (1947) and its non-symmetric form by Zohar (1974), as
 * in Golub & Van Loan, Matrix Computations, §4.7. Bordering the leading k×k block T_k, it keeps
 * the forward and backward vectors f, g (T_k f = e₁, T_k g = e_k) and the solution of the
 * leading k equations; each step needs one division by 1 − ε_f·ε_b, which is zero exactly when
 * the next leading principal minor is singular. Real (lanes = 1) or complex interleaved
 * (lanes = 2), in double precision.
 */

/** x · y for complex numbers as [re, im]. */
function mul(xr: number, xi: number, yr: number, yi: number): [number, number] {
  return [xr * yr - xi * yi, xr * yi + xi * yr];
}

function div(xr: number, xi: number, yr: number, yi: number): [number, number] {
  const d = yr * yr + yi * yi;
  if (yi === 0) return [xr / yr, xi / yr];
  return [(xr * yr + xi * yi) / d, (xi * yr - xr * yi) / d];
}

/**
 * Solves T X = B in place of B (n×k, row-major, `lanes` per element). `t(d)` gives the
 * diagonal d = i − j of T as [re, im] (d from −(n − 1) to n − 1). Returns 0, or the order of the
 * first singular leading principal minor (nothing else is then meaningful).
 */
export function levinson(n: number, k: number, lanes: number, t: (d: number) => [number, number], b: Float64Array): number {
  const [t0r, t0i] = t(0);
  if (t0r === 0 && t0i === 0) return 1;
  const f = new Float64Array(2 * n);
  const g = new Float64Array(2 * n);
  const x = new Float64Array(2 * n * k);
  const [ir, ii] = div(1, 0, t0r, t0i);
  f[0] = g[0] = ir;
  f[1] = g[1] = ii;
  for (let c = 0; c < k; c++) [x[2 * c], x[2 * c + 1]] = mul(b[lanes * c], lanes === 2 ? b[lanes * c + 1] : 0, ir, ii);
  const nf = new Float64Array(2 * n);
  const ng = new Float64Array(2 * n);
  for (let m = 1; m < n; m++) {
    // ε_f: row m of T times [f; 0]; ε_b: row 0 of T times [0; g]
    let efr = 0;
    let efi = 0;
    let ebr = 0;
    let ebi = 0;
    for (let j = 0; j < m; j++) {
      const [ar, ai] = t(m - j);
      const [pr, pi] = mul(ar, ai, f[2 * j], f[2 * j + 1]);
      efr += pr;
      efi += pi;
      const [br, bi] = t(-(j + 1));
      const [qr, qi] = mul(br, bi, g[2 * j], g[2 * j + 1]);
      ebr += qr;
      ebi += qi;
    }
    const [er, ei] = mul(efr, efi, ebr, ebi);
    const dr = 1 - er;
    const di = -ei;
    if (dr === 0 && di === 0) return m + 1;
    // f' = ([f; 0] − ε_f [0; g]) / d,  g' = ([0; g] − ε_b [f; 0]) / d
    for (let j = 0; j <= m; j++) {
      const fr = j < m ? f[2 * j] : 0;
      const fi = j < m ? f[2 * j + 1] : 0;
      const gr = j > 0 ? g[2 * (j - 1)] : 0;
      const gi = j > 0 ? g[2 * (j - 1) + 1] : 0;
      const [ur, ui] = mul(efr, efi, gr, gi);
      const [vr, vi] = mul(ebr, ebi, fr, fi);
      [nf[2 * j], nf[2 * j + 1]] = div(fr - ur, fi - ui, dr, di);
      [ng[2 * j], ng[2 * j + 1]] = div(gr - vr, gi - vi, dr, di);
    }
    f.set(nf.subarray(0, 2 * (m + 1)));
    g.set(ng.subarray(0, 2 * (m + 1)));
    // x' = [x; 0] + (b_m − row m of T times [x; 0]) g'
    for (let c = 0; c < k; c++) {
      let sr = b[lanes * (m * k + c)];
      let si = lanes === 2 ? b[lanes * (m * k + c) + 1] : 0;
      for (let j = 0; j < m; j++) {
        const [ar, ai] = t(m - j);
        const [pr, pi] = mul(ar, ai, x[2 * (j * k + c)], x[2 * (j * k + c) + 1]);
        sr -= pr;
        si -= pi;
      }
      for (let j = 0; j <= m; j++) {
        const [pr, pi] = mul(sr, si, g[2 * j], g[2 * j + 1]);
        x[2 * (j * k + c)] += pr;
        x[2 * (j * k + c) + 1] += pi;
      }
    }
  }
  for (let i = 0; i < n * k; i++) {
    b[lanes * i] = x[2 * i];
    if (lanes === 2) b[lanes * i + 1] = x[2 * i + 1];
  }
  return 0;
}
