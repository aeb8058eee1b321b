/** Loads the SciPy golden data written by tooling/fixtures/gen_fft_kernels.py. */
import { readFileSync } from 'node:fs';

export interface FixtureCase {
  op: 'complex' | 'rfft' | 'irfft' | 'r2r';
  n: number;
  forward?: boolean;
  kind?: 'dct' | 'dst';
  type?: 1 | 2 | 3 | 4;
  norm?: 'backward' | 'ortho' | 'forward';
  orthogonalize?: boolean;
  inverse?: boolean;
  input: [number, number];
  output: [number, number];
}

const dir = new URL('./fixtures/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('kernels.json', dir), 'utf8')) as { cases: FixtureCase[] };
const bytes = readFileSync(new URL('kernels.bin', dir));
const doubles = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

export const cases: FixtureCase[] = index.cases;

/** A fresh copy of a stored array. */
export function fixtureArray([offset, length]: [number, number]): Float64Array {
  return doubles.slice(offset, offset + length);
}
