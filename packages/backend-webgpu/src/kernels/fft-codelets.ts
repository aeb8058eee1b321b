/**
 * Straight-line WGSL for small DFTs (radix 2, 3, 4, 5, 7) used inside the Stockham
 * kernels. `sgn` is a runtime f32: +1 forward (exp(-2πi jk/f)), -1 inverse.
 */

export const SMALL_RADICES = [4, 2, 3, 5, 7] as const;

const lit = (v: number): string => {
  const s = v.toPrecision(9);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
};

/**
 * Statements computing `out[k] = Σ_j in[j] · exp(-2πi·sgn·jk/f)`; declares the `out`
 * names with `let`.
 */
export function dftCodelet(f: number, inp: readonly string[], out: readonly string[]): string {
  switch (f) {
    case 2:
      return `let ${out[0]} = ${inp[0]} + ${inp[1]};\nlet ${out[1]} = ${inp[0]} - ${inp[1]};`;
    case 4:
      // X1 = (a - c) - i·sgn·(b - d), X3 = (a - c) + i·sgn·(b - d).
      return [
        `let t0_ = ${inp[0]} + ${inp[2]};`,
        `let t1_ = ${inp[0]} - ${inp[2]};`,
        `let t2_ = ${inp[1]} + ${inp[3]};`,
        `let d_ = ${inp[1]} - ${inp[3]};`,
        `let t3_ = vec2<f32>(sgn * d_.y, -sgn * d_.x);`,
        `let ${out[0]} = t0_ + t2_;`,
        `let ${out[1]} = t1_ + t3_;`,
        `let ${out[2]} = t0_ - t2_;`,
        `let ${out[3]} = t1_ - t3_;`,
      ].join('\n');
    default:
      return naiveDft(f, inp, out);
  }
}

/** O(f²) DFT with the cosines and sines as literals; f is a small prime. */
function naiveDft(f: number, inp: readonly string[], out: readonly string[]): string {
  const lines: string[] = [];
  for (let k = 0; k < f; k++) {
    const terms = [inp[0]];
    for (let j = 1; j < f; j++) {
      const m = (j * k) % f;
      if (m === 0) {
        terms.push(inp[j]);
        continue;
      }
      const c = lit(Math.cos((2 * Math.PI * m) / f));
      const s = lit(Math.sin((2 * Math.PI * m) / f));
      // x · (c - i·sgn·s)
      terms.push(`vec2<f32>(${inp[j]}.x * ${c} + ${inp[j]}.y * (sgn * ${s}), ${inp[j]}.y * ${c} - ${inp[j]}.x * (sgn * ${s}))`);
    }
    lines.push(`let ${out[k]} = ${terms.join(' + ')};`);
  }
  return lines.join('\n');
}
