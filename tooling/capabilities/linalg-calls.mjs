// The sample calls of sciport.linalg: every function that takes an array, on a 4×4
// symmetric positive definite matrix (or its first row, for the constructors that take
// a vector). Functions of a size alone (hilbert(n), dft(n), …) have nothing to dispatch
// on and always run on the default backend; they are listed under the table.
import { LINALG_DOMAIN, LINALG_FUNCTIONS, LINALG_MULTIMETHODS } from '@sciport/linalg';
import { matrixSample, vectorSample } from './samples.mjs';

const m = LINALG_MULTIMETHODS;

/** Constructors that take a vector (the matrix's first row) rather than a matrix. */
const TAKES_VECTOR = new Set(['diagsvd', 'toeplitz', 'circulant', 'hankel', 'companion', 'fiedler', 'fiedlerCompanion', 'leslie', 'convolutionMatrix']);

/** How to call each function on the sample `x` (`host`: the same values on the host). */
const INVOKE = {
  solve: (x) => m.solve(x, x),
  solveTriangular: (x) => m.solveTriangular(x, x),
  luSolve: (x, host) => m.luSolve(m.luFactor(host), x),
  choSolve: (x, host) => m.choSolve(m.choFactor(host), x),
  diagsvd: (x) => m.diagsvd(x, 4, 5),
  leslie: (x) => m.leslie(x, [1, 2, 3]),
  convolutionMatrix: (x) => m.convolutionMatrix(x, 5),
  blockDiag: (x) => m.blockDiag(x, x),
};

const dispatched = LINALG_FUNCTIONS.filter((row) => row.dispatch.length > 0);

export const linalgCalls = {
  domain: LINALG_DOMAIN,
  calls: dispatched.map((row) => ({
    name: row.name,
    fn: m[row.name],
    sample: TAKES_VECTOR.has(row.name) ? vectorSample : matrixSample,
    invoke: INVOKE[row.name] ?? ((x) => m[row.name](x)),
  })),
  /** Functions without an array argument: always the default backend. */
  undispatched: LINALG_FUNCTIONS.filter((row) => row.dispatch.length === 0).map((row) => row.name),
};
