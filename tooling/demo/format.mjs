// Numbers as a SciPy user reads them: four significant decimals, complex values as
// `a+bj` (NumPy's notation), tiny rounding residue shown as 0.

/** One real number, rounded for reading; |v| < 5e-5 prints as 0 (no `-0`, no `1e-17`). */
export function formatReal(v) {
  if (Math.abs(v) < 5e-5) return '0';
  return String(Number(Number(v).toFixed(4)));
}

/** A complex number given as [re, im], written `re+imj` / `re-imj`. */
export function formatComplex([re, im]) {
  const imag = formatReal(im);
  const sign = imag.startsWith('-') ? '-' : '+';
  return `${formatReal(re)}${sign}${imag.replace(/^-/, '')}j`;
}

/** Nested arrays of reals or [re, im] pairs (what `NDArray.toArray()` returns). */
export function formatValues(values, complex) {
  if (!Array.isArray(values)) return formatReal(values);
  if (complex && values.length === 2 && !Array.isArray(values[0])) return formatComplex(values);
  return `[${values.map((v) => formatValues(v, complex)).join(', ')}]`;
}

/** An NDArray's values, complex dtypes as `a+bj`. */
export function formatArray(array) {
  return formatValues(array.toArray(), array.dtype.startsWith('complex'));
}

/** Milliseconds with the precision a timing deserves. */
export function formatMs(ms) {
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}
