// Prints what an example returned, the way a SciPy user reads it: arrays as nested lists
// with their dtype, complex numbers as `a+bj`, numbers to six significant digits.

const number = (v) => {
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (!Number.isFinite(v)) return `${v}`;
  return `${Number(v.toPrecision(6))}`.replace(/^-0$/, '0');
};

// -0 prints as 0: the sign of a zero imaginary part is an artefact of the arithmetic.
const complex = ([re, im]) => `${number(re)}${im < 0 ? '-' : '+'}${number(Math.abs(im))}j`;

function nested(values, isComplex) {
  if (isComplex && values.length === 2 && !Array.isArray(values[0])) return complex(values);
  if (!Array.isArray(values)) return number(values);
  return `[${values.map((v) => nested(v, isComplex)).join(', ')}]`;
}

function isArray(value) {
  return value !== null && typeof value === 'object' && typeof value.toArray === 'function' && 'dtype' in value;
}

/** A result as text: arrays with their dtype, tuples as lists, a matrix one row per line. */
export function formatResult(result) {
  if (isArray(result)) {
    const isComplex = result.dtype.startsWith('complex');
    const values = result.toArray();
    // a matrix or more: one row per line
    const text = result.ndim >= 2 ? `[${values.map((v) => nested(v, isComplex)).join(',\n ')}]` : nested(values, isComplex);
    return `${text}  (${result.dtype})`;
  }
  // a tuple: one element per line when any is a matrix
  if (Array.isArray(result)) {
    const parts = result.map(formatPart);
    return `[${parts.join(parts.some((p) => p.includes('\n')) ? ',\n ' : ', ')}]`;
  }
  if (result instanceof Map) return `Map { ${[...result].map(([k, v]) => `${formatPart(k)} => ${formatPart(v)}`).join(', ')} }`;
  return formatPart(result);
}

function formatPart(value) {
  if (isArray(value)) return formatResult(value);
  if (Array.isArray(value)) return `[${value.map(formatPart).join(', ')}]`;
  if (value instanceof Map) return formatResult(value);
  if (value === null || value === undefined) return `${value}`;
  if (typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${formatPart(v)}`)
      .join(', ')} }`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : number(value);
}
