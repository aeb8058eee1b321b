import { listMultimethods } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import * as linalgApi from '../src/index.js';
import { LINALG_DOMAIN, LINALG_FUNCTIONS, LINALG_MULTIMETHODS, linalgFunction, linalgNames } from '../src/index.js';

/** The scipy.linalg functions of this milestone (SciPy 1.17 names, camelCase; `kron` left SciPy in 1.17). */
const MILESTONE = [
  'solve', 'solveTriangular', 'inv', 'det', 'luFactor', 'luSolve', 'lu', 'cholesky', 'choFactor', 'choSolve',
  'norm', 'bandwidth', 'issymmetric', 'ishermitian', 'toeplitz', 'circulant', 'hankel', 'hilbert', 'invhilbert',
  'pascal', 'invpascal', 'blockDiag', 'companion', 'dft', 'helmert', 'leslie', 'hadamard', 'fiedler',
  'fiedlerCompanion', 'convolutionMatrix',
];

describe('the linalg table', () => {
  it('has one row per function of the milestone, no more', () => {
    expect(linalgNames().sort()).toEqual([...MILESTONE].sort());
  });

  it('declares exactly one multimethod per row, exported under its name', () => {
    const declared = listMultimethods().filter((id) => id.startsWith(`${LINALG_DOMAIN}.`));
    expect(declared.sort()).toEqual(linalgNames().map((n) => `${LINALG_DOMAIN}.${n}`).sort());
    for (const f of LINALG_FUNCTIONS) {
      const exported = (linalgApi as Record<string, unknown>)[f.name];
      expect(exported, f.name).toBe(LINALG_MULTIMETHODS[f.name]);
      expect(LINALG_MULTIMETHODS[f.name].id).toBe(`${LINALG_DOMAIN}.${f.name}`);
      expect(LINALG_MULTIMETHODS[f.name].dispatch).toEqual(f.dispatch);
      expect(LINALG_MULTIMETHODS[f.name].options).toEqual(f.options);
    }
  });

  it("lists SciPy's keyword arguments, camelCase, for each function", () => {
    expect(linalgFunction('solve').options).toEqual(['lower', 'overwriteA', 'overwriteB', 'checkFinite', 'assumeA', 'transposed', 'backend']);
    expect(linalgFunction('lu').options).toEqual(['permuteL', 'overwriteA', 'checkFinite', 'pIndices', 'backend']);
    expect(linalgFunction('luSolve').dispatch).toEqual([1]);
    expect(linalgFunction('bandwidth').options).toEqual(['backend']);
  });

  it('rejects a name that is not in the table with a typed error', () => {
    expect(() => linalgFunction('solv')).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'name' }));
  });

  it('is frozen, so no importer can change what every backend derives from it', () => {
    expect(Object.isFrozen(LINALG_FUNCTIONS)).toBe(true);
    expect(Object.isFrozen(LINALG_FUNCTIONS[0])).toBe(true);
    expect(Object.isFrozen(LINALG_FUNCTIONS[0].options)).toBe(true);
    expect(Object.isFrozen(LINALG_MULTIMETHODS)).toBe(true);
  });
});
