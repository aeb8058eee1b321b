// The sample calls of sciport.linalg: every function that takes an array, on a 4×4
// symmetric positive definite matrix (or its first row, for the constructors that take
// a vector). Functions of a size alone (hilbert(n), dft(n), …) have nothing to dispatch
// on and always run on the default backend; they are listed under the table.
import { LINALG_DOMAIN, LINALG_FUNCTIONS, LINALG_MULTIMETHODS } from '@sciport/linalg';
import { bandSample, matrixSample, vectorSample } from './samples.mjs';

const m = LINALG_MULTIMETHODS;

/** Constructors that take a vector (the matrix's first row) rather than a matrix. */
const SAMPLES = {
  solveBanded: bandSample,
  solvehBanded: bandSample,
  choleskyBanded: bandSample,
  choSolveBanded: vectorSample,
  solveToeplitz: vectorSample,
  solveCirculant: vectorSample,
  matmulToeplitz: vectorSample,
  qrUpdate: vectorSample,
  qrInsert: vectorSample,
  eighTridiagonal: vectorSample,
  eigvalshTridiagonal: vectorSample,
};
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
  lstsq: (x) => m.lstsq(x, x),
  subspaceAngles: (x) => m.subspaceAngles(x, x),
  orthogonalProcrustes: (x) => m.orthogonalProcrustes(x, x),
  khatriRao: (x) => m.khatriRao(x, x),
  clarksonWoodruffTransform: (x) => m.clarksonWoodruffTransform(x, 2, { seed: 0 }),
  // the band sample's rows as (l, u) = (1, 0): diagonal, then sub-diagonal
  solveBanded: (x) => m.solveBanded([1, 0], x, [1, 2, 3, 4]),
  solvehBanded: (x) => m.solvehBanded(x, [1, 2, 3, 4], { lower: true }),
  choleskyBanded: (x) => m.choleskyBanded(x, { lower: true }),
  choSolveBanded: (x, host) => m.choSolveBanded([m.choleskyBanded(bandSample(host.dtype), { lower: true }), true], x),
  solveToeplitz: (x) => m.solveToeplitz(x, x),
  solveCirculant: (x) => m.solveCirculant(x, x),
  matmulToeplitz: (x) => m.matmulToeplitz(x, x),
  qrMultiply: (x) => m.qrMultiply(x, x),
  qrUpdate: (x, host) => m.qrUpdate(...qrOf(host), x, x),
  qrInsert: (x, host) => m.qrInsert(...qrOf(host), x, 1),
  qrDelete: (x) => m.qrDelete(...m.qr(x), 1),
  rsf2csf: (x) => m.rsf2csf(...m.schur(x)),
  eighTridiagonal: (x) => m.eighTridiagonal(x, [1, 2, 3]),
  eigvalshTridiagonal: (x) => m.eigvalshTridiagonal(x, [1, 2, 3]),
  cdf2rdf: (x) => m.cdf2rdf(...m.eig(x)),
  qz: (x) => m.qz(x, x),
  ordqz: (x) => m.ordqz(x, x),
  expmFrechet: (x) => m.expmFrechet(x, x),
  fractionalMatrixPower: (x) => m.fractionalMatrixPower(x, 0.5),
  funm: (x) => m.funm(x, (w) => w),
  solveSylvester: (x) => m.solveSylvester(x, x, x),
  solveContinuousLyapunov: (x) => m.solveContinuousLyapunov(x, x),
  solveDiscreteLyapunov: (x) => m.solveDiscreteLyapunov(x, x),
  solveContinuousAre: (x) => m.solveContinuousAre(x, x, x, x),
  solveDiscreteAre: (x) => m.solveDiscreteAre(x, x, x, x),
  cossin: (x) => m.cossin(x, { p: 2, q: 2 }),
};

/** The Q and R of the host sample (the updates take them with a vector of the probed kind). */
const qrOf = (host) => m.qr(matrixSample(host.dtype));

const dispatched = LINALG_FUNCTIONS.filter((row) => row.dispatch.length > 0);

export const linalgCalls = {
  domain: LINALG_DOMAIN,
  calls: dispatched.map((row) => ({
    name: row.name,
    fn: m[row.name],
    sample: SAMPLES[row.name] ?? (TAKES_VECTOR.has(row.name) ? vectorSample : matrixSample),
    invoke: INVOKE[row.name] ?? ((x) => m[row.name](x)),
  })),
  /** Functions without an array argument: always the default backend. */
  undispatched: LINALG_FUNCTIONS.filter((row) => row.dispatch.length === 0).map((row) => row.name),
};
