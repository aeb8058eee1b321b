/**
 * Radix passes of the mixed-radix complex FFT (pure TypeScript).
 *
 * Formulation: the self-sorting (Stockham) variant of the FFTPACK/pocketfft
 * factorisation (Swarztrauber 1982; Temperton 1983, "Self-sorting mixed-radix fast
 * Fourier transforms"). For n = f1·f2·…·fm, pass number s with radix p has
 *   l1  = f1·…·f(s-1)   (product of the radices already done)
 *   ido = n / (l1·p)    (length of the contiguous runs still to transform)
 * and maps, for every k < l1 and i < ido,
 *   ch(i, k, m) = tw(i, m) · Σ_j cc(i, j, k) · ω_p^{jm}
 * where cc(i, j, k) = cc[i + ido·(j + p·k)], ch(i, k, m) = ch[i + ido·(k + l1·m)] and
 * tw(i, m) = exp(∓2πi·m·i·l1/n). After the last pass (ido = 1) the data is in natural
 * order, so no bit reversal is needed.
 *
 * Data is interleaved complex float64; offsets and strides below count doubles.
 * `sign` is +1 for the forward transform (exp(-2πi…)) and -1 for the backward one;
 * twiddle tables always hold forward roots and the sign conjugates them on the fly.
 * Twiddles are laid out per i: tw[2·(i·(p-1) + m-1)], i = 0..ido-1 (i = 0 holds ones).
 */

export function pass2(
  ido: number,
  l1: number,
  cc: Float64Array,
  ci: number,
  ch: Float64Array,
  hi: number,
  tw: Float64Array,
  sign: number,
): void {
  const hs = 2 * ido * l1;
  if (ido === 1) {
    for (let k = 0; k < l1; k++) {
      const a = ci + 4 * k;
      const b = hi + 2 * k;
      const ar = cc[a];
      const ai = cc[a + 1];
      const br = cc[a + 2];
      const bi = cc[a + 3];
      ch[b] = ar + br;
      ch[b + 1] = ai + bi;
      ch[b + hs] = ar - br;
      ch[b + hs + 1] = ai - bi;
    }
    return;
  }
  const cs = 2 * ido;
  for (let k = 0; k < l1; k++) {
    let a = ci + 4 * ido * k;
    let b = hi + 2 * ido * k;
    for (let i = 0; i < ido; i++, a += 2, b += 2) {
      const ar = cc[a];
      const ai = cc[a + 1];
      const br = cc[a + cs];
      const bi = cc[a + cs + 1];
      ch[b] = ar + br;
      ch[b + 1] = ai + bi;
      const dr = ar - br;
      const di = ai - bi;
      const wr = tw[2 * i];
      const wi = sign * tw[2 * i + 1];
      ch[b + hs] = dr * wr - di * wi;
      ch[b + hs + 1] = dr * wi + di * wr;
    }
  }
}

export function pass3(
  ido: number,
  l1: number,
  cc: Float64Array,
  ci: number,
  ch: Float64Array,
  hi: number,
  tw: Float64Array,
  sign: number,
): void {
  const hs = 2 * ido * l1;
  const cs = 2 * ido;
  const sn = sign * 0.8660254037844386; // sign · sin(2π/3)
  for (let k = 0; k < l1; k++) {
    let a = ci + 6 * ido * k;
    let b = hi + 2 * ido * k;
    for (let i = 0; i < ido; i++, a += 2, b += 2) {
      const x0r = cc[a];
      const x0i = cc[a + 1];
      const x1r = cc[a + cs];
      const x1i = cc[a + cs + 1];
      const x2r = cc[a + 2 * cs];
      const x2i = cc[a + 2 * cs + 1];
      const tr = x1r + x2r;
      const ti = x1i + x2i;
      const dr = sn * (x1r - x2r);
      const di = sn * (x1i - x2i);
      ch[b] = x0r + tr;
      ch[b + 1] = x0i + ti;
      const mr = x0r - 0.5 * tr;
      const mi = x0i - 0.5 * ti;
      const y1r = mr + di;
      const y1i = mi - dr;
      const y2r = mr - di;
      const y2i = mi + dr;
      if (ido === 1) {
        ch[b + hs] = y1r;
        ch[b + hs + 1] = y1i;
        ch[b + 2 * hs] = y2r;
        ch[b + 2 * hs + 1] = y2i;
      } else {
        const t = 4 * i;
        const w1r = tw[t];
        const w1i = sign * tw[t + 1];
        const w2r = tw[t + 2];
        const w2i = sign * tw[t + 3];
        ch[b + hs] = y1r * w1r - y1i * w1i;
        ch[b + hs + 1] = y1r * w1i + y1i * w1r;
        ch[b + 2 * hs] = y2r * w2r - y2i * w2i;
        ch[b + 2 * hs + 1] = y2r * w2i + y2i * w2r;
      }
    }
  }
}

export function pass4(
  ido: number,
  l1: number,
  cc: Float64Array,
  ci: number,
  ch: Float64Array,
  hi: number,
  tw: Float64Array,
  sign: number,
): void {
  const hs = 2 * ido * l1;
  const cs = 2 * ido;
  if (ido === 1) {
    for (let k = 0; k < l1; k++) {
      const a = ci + 8 * k;
      const b = hi + 2 * k;
      const x0r = cc[a];
      const x0i = cc[a + 1];
      const x1r = cc[a + 2];
      const x1i = cc[a + 3];
      const x2r = cc[a + 4];
      const x2i = cc[a + 5];
      const x3r = cc[a + 6];
      const x3i = cc[a + 7];
      const sr = x0r + x2r;
      const si = x0i + x2i;
      const tr = x0r - x2r;
      const ti = x0i - x2i;
      const ur = x1r + x3r;
      const ui = x1i + x3i;
      const dr = sign * (x1r - x3r);
      const di = sign * (x1i - x3i);
      ch[b] = sr + ur;
      ch[b + 1] = si + ui;
      ch[b + hs] = tr + di;
      ch[b + hs + 1] = ti - dr;
      ch[b + 2 * hs] = sr - ur;
      ch[b + 2 * hs + 1] = si - ui;
      ch[b + 3 * hs] = tr - di;
      ch[b + 3 * hs + 1] = ti + dr;
    }
    return;
  }
  for (let k = 0; k < l1; k++) {
    let a = ci + 8 * ido * k;
    let b = hi + 2 * ido * k;
    for (let i = 0; i < ido; i++, a += 2, b += 2) {
      const x0r = cc[a];
      const x0i = cc[a + 1];
      const x1r = cc[a + cs];
      const x1i = cc[a + cs + 1];
      const x2r = cc[a + 2 * cs];
      const x2i = cc[a + 2 * cs + 1];
      const x3r = cc[a + 3 * cs];
      const x3i = cc[a + 3 * cs + 1];
      const sr = x0r + x2r;
      const si = x0i + x2i;
      const tr = x0r - x2r;
      const ti = x0i - x2i;
      const ur = x1r + x3r;
      const ui = x1i + x3i;
      const dr = sign * (x1r - x3r);
      const di = sign * (x1i - x3i);
      ch[b] = sr + ur;
      ch[b + 1] = si + ui;
      const t = 6 * i;
      const y1r = tr + di;
      const y1i = ti - dr;
      const w1r = tw[t];
      const w1i = sign * tw[t + 1];
      ch[b + hs] = y1r * w1r - y1i * w1i;
      ch[b + hs + 1] = y1r * w1i + y1i * w1r;
      const y2r = sr - ur;
      const y2i = si - ui;
      const w2r = tw[t + 2];
      const w2i = sign * tw[t + 3];
      ch[b + 2 * hs] = y2r * w2r - y2i * w2i;
      ch[b + 2 * hs + 1] = y2r * w2i + y2i * w2r;
      const y3r = tr - di;
      const y3i = ti + dr;
      const w3r = tw[t + 4];
      const w3i = sign * tw[t + 5];
      ch[b + 3 * hs] = y3r * w3r - y3i * w3i;
      ch[b + 3 * hs + 1] = y3r * w3i + y3i * w3r;
    }
  }
}

const C51 = 0.30901699437494745; // cos(2π/5)
const C52 = -0.8090169943749475; // cos(4π/5)
const S51 = 0.9510565162951535; // sin(2π/5)
const S52 = 0.5877852522924731; // sin(4π/5)

export function pass5(
  ido: number,
  l1: number,
  cc: Float64Array,
  ci: number,
  ch: Float64Array,
  hi: number,
  tw: Float64Array,
  sign: number,
): void {
  const hs = 2 * ido * l1;
  const cs = 2 * ido;
  const s1 = sign * S51;
  const s2 = sign * S52;
  for (let k = 0; k < l1; k++) {
    let a = ci + 10 * ido * k;
    let b = hi + 2 * ido * k;
    for (let i = 0; i < ido; i++, a += 2, b += 2) {
      const x0r = cc[a];
      const x0i = cc[a + 1];
      const x1r = cc[a + cs];
      const x1i = cc[a + cs + 1];
      const x2r = cc[a + 2 * cs];
      const x2i = cc[a + 2 * cs + 1];
      const x3r = cc[a + 3 * cs];
      const x3i = cc[a + 3 * cs + 1];
      const x4r = cc[a + 4 * cs];
      const x4i = cc[a + 4 * cs + 1];
      const a1r = x1r + x4r;
      const a1i = x1i + x4i;
      const b1r = x1r - x4r;
      const b1i = x1i - x4i;
      const a2r = x2r + x3r;
      const a2i = x2i + x3i;
      const b2r = x2r - x3r;
      const b2i = x2i - x3i;
      ch[b] = x0r + a1r + a2r;
      ch[b + 1] = x0i + a1i + a2i;
      // m = 1 and 4
      const p1r = x0r + C51 * a1r + C52 * a2r;
      const p1i = x0i + C51 * a1i + C52 * a2i;
      const q1r = s1 * b1r + s2 * b2r;
      const q1i = s1 * b1i + s2 * b2i;
      // m = 2 and 3
      const p2r = x0r + C52 * a1r + C51 * a2r;
      const p2i = x0i + C52 * a1i + C51 * a2i;
      const q2r = s2 * b1r - s1 * b2r;
      const q2i = s2 * b1i - s1 * b2i;
      const y1r = p1r + q1i;
      const y1i = p1i - q1r;
      const y4r = p1r - q1i;
      const y4i = p1i + q1r;
      const y2r = p2r + q2i;
      const y2i = p2i - q2r;
      const y3r = p2r - q2i;
      const y3i = p2i + q2r;
      if (ido === 1) {
        ch[b + hs] = y1r;
        ch[b + hs + 1] = y1i;
        ch[b + 2 * hs] = y2r;
        ch[b + 2 * hs + 1] = y2i;
        ch[b + 3 * hs] = y3r;
        ch[b + 3 * hs + 1] = y3i;
        ch[b + 4 * hs] = y4r;
        ch[b + 4 * hs + 1] = y4i;
      } else {
        const t = 8 * i;
        let wr = tw[t];
        let wi = sign * tw[t + 1];
        ch[b + hs] = y1r * wr - y1i * wi;
        ch[b + hs + 1] = y1r * wi + y1i * wr;
        wr = tw[t + 2];
        wi = sign * tw[t + 3];
        ch[b + 2 * hs] = y2r * wr - y2i * wi;
        ch[b + 2 * hs + 1] = y2r * wi + y2i * wr;
        wr = tw[t + 4];
        wi = sign * tw[t + 5];
        ch[b + 3 * hs] = y3r * wr - y3i * wi;
        ch[b + 3 * hs + 1] = y3r * wi + y3i * wr;
        wr = tw[t + 6];
        wi = sign * tw[t + 7];
        ch[b + 4 * hs] = y4r * wr - y4i * wi;
        ch[b + 4 * hs + 1] = y4r * wi + y4i * wr;
      }
    }
  }
}

/**
 * Generic odd radix p (7, 11, 13, …) by the symmetric-pair DFT: with
 * a_j = x_j + x_{p-j}, b_j = x_j - x_{p-j},
 *   y_m     = x0 + Σ_j a_j cos(2πjm/p) ∓ i Σ_j b_j sin(2πjm/p)
 *   y_{p-m} = x0 + Σ_j a_j cos(2πjm/p) ± i Σ_j b_j sin(2πjm/p)
 * which halves the multiplications of a plain O(p²) DFT. `cosT`/`sinT` hold
 * cos/sin(2πr/p) for r < p; `scratch` has room for 4·p doubles.
 */
export function passOdd(
  p: number,
  ido: number,
  l1: number,
  cc: Float64Array,
  ci: number,
  ch: Float64Array,
  hi: number,
  tw: Float64Array,
  sign: number,
  cosT: Float64Array,
  sinT: Float64Array,
  scratch: Float64Array,
): void {
  const hs = 2 * ido * l1;
  const cs = 2 * ido;
  const half = (p - 1) >> 1;
  const pm1 = p - 1;
  // scratch layout: a (interleaved, half complex) then b (interleaved, half complex)
  const bOff = 2 * half;
  for (let k = 0; k < l1; k++) {
    let a = ci + 2 * p * ido * k;
    let b = hi + 2 * ido * k;
    for (let i = 0; i < ido; i++, a += 2, b += 2) {
      const x0r = cc[a];
      const x0i = cc[a + 1];
      let sumR = x0r;
      let sumI = x0i;
      for (let j = 1; j <= half; j++) {
        const u = a + j * cs;
        const v = a + (p - j) * cs;
        const ur = cc[u];
        const ui = cc[u + 1];
        const vr = cc[v];
        const vi = cc[v + 1];
        const ar = ur + vr;
        const ai = ui + vi;
        scratch[2 * (j - 1)] = ar;
        scratch[2 * (j - 1) + 1] = ai;
        scratch[bOff + 2 * (j - 1)] = ur - vr;
        scratch[bOff + 2 * (j - 1) + 1] = ui - vi;
        sumR += ar;
        sumI += ai;
      }
      ch[b] = sumR;
      ch[b + 1] = sumI;
      const t = 2 * pm1 * i;
      for (let m = 1; m <= half; m++) {
        let pr = x0r;
        let pi = x0i;
        let qr = 0;
        let qi = 0;
        let r = 0;
        for (let j = 1; j <= half; j++) {
          r += m;
          if (r >= p) r -= p;
          const c = cosT[r];
          const s = sinT[r];
          pr += c * scratch[2 * (j - 1)];
          pi += c * scratch[2 * (j - 1) + 1];
          qr += s * scratch[bOff + 2 * (j - 1)];
          qi += s * scratch[bOff + 2 * (j - 1) + 1];
        }
        qr *= sign;
        qi *= sign;
        const ymr = pr + qi;
        const ymi = pi - qr;
        const ynr = pr - qi;
        const yni = pi + qr;
        const om = b + m * hs;
        const on = b + (p - m) * hs;
        if (ido === 1) {
          ch[om] = ymr;
          ch[om + 1] = ymi;
          ch[on] = ynr;
          ch[on + 1] = yni;
        } else {
          const tm = t + 2 * (m - 1);
          const tn = t + 2 * (p - m - 1);
          const wmr = tw[tm];
          const wmi = sign * tw[tm + 1];
          const wnr = tw[tn];
          const wni = sign * tw[tn + 1];
          ch[om] = ymr * wmr - ymi * wmi;
          ch[om + 1] = ymr * wmi + ymi * wmr;
          ch[on] = ynr * wnr - yni * wni;
          ch[on + 1] = ynr * wni + yni * wnr;
        }
      }
    }
  }
}
