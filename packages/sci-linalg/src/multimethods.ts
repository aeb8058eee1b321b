/**
 * The public functions of `@sciport/linalg`: each is a multimethod of domain
 * `sciport.linalg` (stable id `sciport.linalg.<name>`), declared from its table row, whose
 * default implementation is the host (CPU) code of this package. Backends implement the
 * same ids; dispatch picks one per call (see @sciport/dispatch-core).
 */
import type { NDArray } from '@sciport/array-api';
import { declareFromTable, type Multimethod } from '@sciport/dispatch-core';
import { type CholeskyOptions, type ChoSolveOptions, choFactorHost, choleskyHost, choSolveHost } from './cholesky.js';
import { type DetOptions, detHost, type InvOptions, invHost } from './inverse.js';
import { type LuFactorOptions, type LuOptions, type LuSolveOptions, luFactorHost, luHost, luSolveHost } from './lu.js';
import { type NormOptions, normHost } from './norm.js';
import { type QrFunction, qrHost } from './qr.js';
import { diagsvdHost, type SvdFunction, svdHost, type SvdvalsOptions, svdvalsHost } from './svd.js';
import { type SolveOptions, type SolveTriangularOptions, solveHost, solveTriangularHost } from './solve.js';
import { bandwidthHost, type SymmetryOptions, ishermitianHost, issymmetricHost } from './symmetry.js';
import { type PascalOptions, type ExactOptions, hilbertHost, invhilbertHost, invpascalHost, pascalHost } from './special/integer-matrices.js';
import {
  blockDiagHost,
  companionHost,
  type ConvolutionMatrixOptions,
  convolutionMatrixHost,
  fiedlerCompanionHost,
  fiedlerHost,
  leslieHost,
} from './special/structured.js';
import { circulantHost, type HankelOptions, hankelHost, type ToeplitzOptions, toeplitzHost } from './special/toeplitz.js';
import { type DftOptions, dftHost, type HadamardOptions, hadamardHost, type HelmertOptions, helmertHost } from './special/transforms.js';
import { LINALG_TABLE } from './table.js';
import type { LstsqOptions, NullSpaceOptions, OrthOptions, PinvOptions, PolarOptions, ProcrustesOptions } from './least-squares-options.js';
import { type LstsqResult, lstsqHost } from './lstsq.js';
import { pinvHost } from './pinv.js';
import { type PinvhOptions, pinvhHost } from './pinvh.js';
import { orthogonalProcrustesHost, polarHost } from './polar.js';
import { khatriRaoHost } from './special/khatri-rao.js';
import { type ClarksonWoodruffOptions, clarksonWoodruffTransformHost } from './sketches.js';
import { nullSpaceHost, orthHost, subspaceAnglesHost } from './subspaces.js';
import type { CholeskyBandedOptions, ChoSolveBandedOptions, SolveBandedOptions, SolvehBandedOptions } from './banded-options.js';
import { choleskyBandedHost, choSolveBandedHost, solveBandedHost, solvehBandedHost } from './banded.js';
import { solveCirculantHost } from './circulant-solver.js';
import type { MatmulToeplitzOptions, SolveCirculantOptions, SolveToeplitzOptions, ToeplitzSpec } from './structured-options.js';
import { matmulToeplitzHost, solveToeplitzHost } from './toeplitz-solvers.js';
import { type LdlOptions, ldlHost } from './ldl.js';
import { type QrMultiplyOptions, qrMultiplyHost } from './qr-multiply.js';
import { type RqFunction, rqHost } from './rq.js';
import { type QrDeleteOptions, type QrInsertOptions, type QrUpdateOptions, qrDeleteHost, qrInsertHost, qrUpdateHost } from './qr-update.js';
import { type HessenbergFunction, hessenbergHost, type SchurFunction, schurHost } from './schur.js';
import { rsf2csfHost } from './rsf2csf.js';
import { type EigFunction, eigHost, eigvalsHost } from './eig.js';
import type { EigvalshOptions, EigvalsOptions } from './eigen-options.js';
import { type EighFunction, eighHost, eigvalshHost } from './eigh.js';
import { type EighTridiagonalFunction, eighTridiagonalHost, type EigvalshTridiagonalOptions, eigvalshTridiagonalHost } from './tridiagonal-eigen.js';
import { type EigBandedFunction, eigBandedHost, type EigvalsBandedOptions, eigvalsBandedHost } from './banded-eigen.js';
import { cdf2rdfHost } from './cdf2rdf.js';
import { type MatrixBalanceFunction, matrixBalanceHost } from './matrix-balance.js';
import { type OrdqzOptions, ordqzHost, type QzOptions, qzHost } from './qz.js';
import type { FiniteOptions } from './options.js';
import { expmHost } from './matfun/expm.js';
import { expmCondHost, expmFrechetHost } from './matfun/expm-frechet.js';
import type { ExpmCondOptions, ExpmFrechetOptions } from './matfun-options.js';
import { solveContinuousLyapunovHost, solveSylvesterHost } from './equations/sylvester.js';
import { solveDiscreteLyapunovHost } from './equations/discrete-lyapunov.js';
import { solveContinuousAreHost, solveDiscreteAreHost } from './equations/riccati.js';
import type { AreOptions } from './matfun-options.js';
import type { DiscreteLyapunovOptions } from './matfun-options.js';
import { funmHost, type ScalarFunction } from './matfun/funm.js';
import { signmHost } from './matfun/signm.js';
import { logmHost } from './matfun/logm.js';
import { fractionalMatrixPowerHost } from './matfun/fractional-power.js';
import { sqrtmHost } from './matfun/sqrtm.js';
import type { FunmOptions, SqrtmOptions } from './matfun-options.js';
import { coshmHost, cosmHost, sinhmHost, sinmHost, tanhmHost, tanmHost } from './matfun/trig.js';
import type { DispatchOptions } from '@sciport/dispatch-core';
import { type CossinFunction, cossinHost } from './cossin.js';

export { LINALG_DOMAIN } from './table.js';

const table = declareFromTable(LINALG_TABLE);

/** Declare function `name` of the table with its host implementation. */
const declare = table.declare;

export const solve = declare<(a: unknown, b: unknown, options?: SolveOptions) => NDArray>('solve', solveHost);
export const solveTriangular = declare<(a: unknown, b: unknown, options?: SolveTriangularOptions) => NDArray>(
  'solveTriangular',
  solveTriangularHost,
);
export const inv = declare<(a: unknown, options?: InvOptions) => NDArray>('inv', invHost);
export const det = declare<(a: unknown, options?: DetOptions) => NDArray>('det', detHost);
export const luFactor = declare<(a: unknown, options?: LuFactorOptions) => [NDArray, NDArray]>('luFactor', luFactorHost);
export const luSolve = declare<(luAndPiv: readonly [unknown, unknown], b: unknown, options?: LuSolveOptions) => NDArray>(
  'luSolve',
  luSolveHost,
);
export const lu = declare<(a: unknown, options?: LuOptions) => NDArray[]>('lu', luHost);
export const cholesky = declare<(a: unknown, options?: CholeskyOptions) => NDArray>('cholesky', choleskyHost);
export const choFactor = declare<(a: unknown, options?: CholeskyOptions) => [NDArray, boolean | NDArray]>('choFactor', choFactorHost);
export const choSolve = declare<(cAndLower: readonly [unknown, boolean | NDArray], b: unknown, options?: ChoSolveOptions) => NDArray>(
  'choSolve',
  choSolveHost,
);
// qrHost's result depends on the mode: QrFunction states which
export const qr = declare<QrFunction>('qr', qrHost as QrFunction);
// svdHost's result depends on computeUv: SvdFunction states which
export const svd = declare<SvdFunction>('svd', svdHost as SvdFunction);
export const svdvals = declare<(a: unknown, options?: SvdvalsOptions) => NDArray>('svdvals', svdvalsHost);
export const diagsvd = declare<(s: unknown, M: number, N: number) => NDArray>('diagsvd', diagsvdHost);
export const norm = declare<(a: unknown, options?: NormOptions) => NDArray>('norm', normHost);
export const bandwidth = declare<(a: unknown) => [number, number] | [NDArray, NDArray]>('bandwidth', bandwidthHost);
export const issymmetric = declare<(a: unknown, options?: SymmetryOptions) => boolean | NDArray>('issymmetric', issymmetricHost);
export const ishermitian = declare<(a: unknown, options?: SymmetryOptions) => boolean | NDArray>('ishermitian', ishermitianHost);

type FromVector<O = DispatchOptions> = (a: unknown, options?: O) => NDArray;
type FromOrder<O = DispatchOptions> = (n: number, options?: O) => NDArray;

export const toeplitz = declare<FromVector<ToeplitzOptions>>('toeplitz', toeplitzHost);
export const circulant = declare<FromVector>('circulant', circulantHost);
export const hankel = declare<FromVector<HankelOptions>>('hankel', hankelHost);
export const hilbert = declare<FromOrder>('hilbert', hilbertHost);
export const invhilbert = declare<FromOrder<ExactOptions>>('invhilbert', invhilbertHost);
export const pascal = declare<FromOrder<PascalOptions>>('pascal', pascalHost);
export const invpascal = declare<FromOrder<PascalOptions>>('invpascal', invpascalHost);
export const blockDiag = declare<(...arrs: unknown[]) => NDArray>('blockDiag', blockDiagHost);
export const companion = declare<FromVector>('companion', companionHost);
export const dft = declare<FromOrder<DftOptions>>('dft', dftHost);
export const helmert = declare<FromOrder<HelmertOptions>>('helmert', helmertHost);
export const leslie = declare<(f: unknown, s: unknown, options?: DispatchOptions) => NDArray>('leslie', leslieHost);
export const hadamard = declare<FromOrder<HadamardOptions>>('hadamard', hadamardHost);
export const fiedler = declare<FromVector>('fiedler', fiedlerHost);
export const fiedlerCompanion = declare<FromVector>('fiedlerCompanion', fiedlerCompanionHost);
export const convolutionMatrix = declare<(a: unknown, n: number, options?: ConvolutionMatrixOptions) => NDArray>(
  'convolutionMatrix',
  convolutionMatrixHost,
);

// least squares and subspaces
export const lstsq = declare<(a: unknown, b: unknown, options?: LstsqOptions) => LstsqResult>('lstsq', lstsqHost);
export const pinv = declare<PinvFunction>('pinv', pinvHost as PinvFunction);
export const pinvh = declare<PinvhFunction>('pinvh', pinvhHost as PinvhFunction);
export const nullSpace = declare<(A: unknown, options?: NullSpaceOptions) => NDArray>('nullSpace', nullSpaceHost);
export const orth = declare<(A: unknown, options?: OrthOptions) => NDArray>('orth', orthHost);
export const subspaceAngles = declare<(A: unknown, B: unknown) => NDArray>('subspaceAngles', subspaceAnglesHost);
export const polar = declare<(a: unknown, options?: PolarOptions) => [NDArray, NDArray]>('polar', polarHost);
export const orthogonalProcrustes = declare<(A: unknown, B: unknown, options?: ProcrustesOptions) => [NDArray, NDArray]>(
  'orthogonalProcrustes',
  orthogonalProcrustesHost,
);
export const khatriRao = declare<(a: unknown, b: unknown) => NDArray>('khatriRao', khatriRaoHost);

// band matrices
export const solveBanded = declare<(lAndU: readonly [number, number], ab: unknown, b: unknown, options?: SolveBandedOptions) => NDArray>(
  'solveBanded',
  solveBandedHost,
);
export const solvehBanded = declare<(ab: unknown, b: unknown, options?: SolvehBandedOptions) => NDArray>('solvehBanded', solvehBandedHost);
export const choleskyBanded = declare<(ab: unknown, options?: CholeskyBandedOptions) => NDArray>('choleskyBanded', choleskyBandedHost);
export const choSolveBanded = declare<(cbAndLower: readonly [unknown, boolean], b: unknown, options?: ChoSolveBandedOptions) => NDArray>(
  'choSolveBanded',
  choSolveBandedHost,
);

// Toeplitz and circulant systems
export const solveToeplitz = declare<(cOrCr: ToeplitzSpec, b: unknown, options?: SolveToeplitzOptions) => NDArray>('solveToeplitz', solveToeplitzHost);
export const solveCirculant = declare<(c: unknown, b: unknown, options?: SolveCirculantOptions) => NDArray>('solveCirculant', solveCirculantHost);
export const matmulToeplitz = declare<(cOrCr: ToeplitzSpec, x: unknown, options?: MatmulToeplitzOptions) => NDArray>('matmulToeplitz', matmulToeplitzHost);

// more decompositions
export const ldl = declare<(A: unknown, options?: LdlOptions) => [NDArray, NDArray, NDArray]>('ldl', ldlHost);
// rqHost's result depends on the mode: RqFunction states which
export const rq = declare<RqFunction>('rq', rqHost as RqFunction);
type QrFactors = [NDArray, NDArray];
export const qrUpdate = declare<(Q: unknown, R: unknown, u: unknown, v: unknown, options?: QrUpdateOptions) => QrFactors>('qrUpdate', qrUpdateHost);
export const qrInsert = declare<(Q: unknown, R: unknown, u: unknown, k: number, options?: QrInsertOptions) => QrFactors>('qrInsert', qrInsertHost);
export const qrDelete = declare<(Q: unknown, R: unknown, k: number, options?: QrDeleteOptions) => QrFactors>('qrDelete', qrDeleteHost);
export const qrMultiply = declare<(a: unknown, c: unknown, options?: QrMultiplyOptions) => NDArray[]>('qrMultiply', qrMultiplyHost);

/** `pinvh`'s result: A⁺, or [A⁺, rank] with `returnRank: true`. */
export interface PinvhFunction {
  (a: unknown, options?: PinvhOptions & { returnRank?: false }): NDArray;
  (a: unknown, options: PinvhOptions & { returnRank: true }): [NDArray, number | NDArray];
  (a: unknown, options?: PinvhOptions): NDArray | [NDArray, number | NDArray];
}

/** `pinv`'s result: A⁺, or [A⁺, rank] with `returnRank: true` (rank an int64 array for a stack). */
export interface PinvFunction {
  (a: unknown, options?: PinvOptions & { returnRank?: false }): NDArray;
  (a: unknown, options: PinvOptions & { returnRank: true }): [NDArray, number | NDArray];
  (a: unknown, options?: PinvOptions): NDArray | [NDArray, number | NDArray];
}
// hessenberg's and schur's results depend on calcQ / sort: their function types state which
export const hessenberg = declare<HessenbergFunction>('hessenberg', hessenbergHost as HessenbergFunction);
export const schur = declare<SchurFunction>('schur', schurHost as SchurFunction);
export const rsf2csf = declare<(T: unknown, Z: unknown, options?: FiniteOptions) => [NDArray, NDArray]>('rsf2csf', rsf2csfHost);
// eig's result depends on left/right: EigFunction states which
export const eig = declare<EigFunction>('eig', eigHost as EigFunction);
export const eigvals = declare<(a: unknown, b?: unknown, options?: EigvalsOptions) => NDArray>('eigvals', eigvalsHost);
// eigh's result depends on eigvalsOnly: EighFunction states which
export const eigh = declare<EighFunction>('eigh', eighHost as EighFunction);
export const eigvalsh = declare<(a: unknown, b?: unknown, options?: EigvalshOptions) => NDArray>('eigvalsh', eigvalshHost);
export const eighTridiagonal = declare<EighTridiagonalFunction>('eighTridiagonal', eighTridiagonalHost as EighTridiagonalFunction);
export const eigvalshTridiagonal = declare<(d: unknown, e: unknown, options?: EigvalshTridiagonalOptions) => NDArray>(
  'eigvalshTridiagonal',
  eigvalshTridiagonalHost,
);
export const eigBanded = declare<EigBandedFunction>('eigBanded', eigBandedHost as EigBandedFunction);
export const eigvalsBanded = declare<(aBand: unknown, options?: EigvalsBandedOptions) => NDArray>('eigvalsBanded', eigvalsBandedHost);
export const cdf2rdf = declare<(w: unknown, v: unknown) => [NDArray, NDArray]>('cdf2rdf', cdf2rdfHost);
export const matrixBalance = declare<MatrixBalanceFunction>('matrixBalance', matrixBalanceHost as MatrixBalanceFunction);
export const qz = declare<(A: unknown, B: unknown, options?: QzOptions) => [NDArray, NDArray, NDArray, NDArray]>('qz', qzHost);
export const ordqz = declare<(A: unknown, B: unknown, options?: OrdqzOptions) => NDArray[]>('ordqz', ordqzHost);
// matrix functions: one matrix (or a stack) in, one out
type MatrixFunction = (a: unknown, options?: DispatchOptions) => NDArray;
/** [expm(A), L(A, E)], or L(A, E) alone with `computeExpm: false`. */
export interface ExpmFrechetFunction {
  (a: unknown, e: unknown, options?: ExpmFrechetOptions & { computeExpm?: true }): [NDArray, NDArray];
  (a: unknown, e: unknown, options: ExpmFrechetOptions & { computeExpm: false }): NDArray;
  (a: unknown, e: unknown, options?: ExpmFrechetOptions): NDArray | [NDArray, NDArray];
}
export const expm = declare<MatrixFunction>('expm', expmHost);
export const expmFrechet = declare<ExpmFrechetFunction>('expmFrechet', expmFrechetHost as ExpmFrechetFunction);
export const expmCond = declare<(a: unknown, options?: ExpmCondOptions) => NDArray>('expmCond', expmCondHost);
export const cosm = declare<MatrixFunction>('cosm', cosmHost);
export const sinm = declare<MatrixFunction>('sinm', sinmHost);
export const tanm = declare<MatrixFunction>('tanm', tanmHost);
export const coshm = declare<MatrixFunction>('coshm', coshmHost);
export const sinhm = declare<MatrixFunction>('sinhm', sinhmHost);
export const tanhm = declare<MatrixFunction>('tanhm', tanhmHost);
/** X, or [X, residual estimate] with `disp: false`. */
export interface SqrtmFunction {
  (a: unknown, options?: SqrtmOptions & { disp?: true }): NDArray;
  (a: unknown, options: SqrtmOptions & { disp: false }): [NDArray, NDArray];
  (a: unknown, options?: SqrtmOptions): NDArray | [NDArray, NDArray];
}
export const sqrtm = declare<SqrtmFunction>('sqrtm', sqrtmHost as SqrtmFunction);
/** L, or [L, error estimate] with `disp: false`. */
export interface LogmFunction {
  (a: unknown, options?: FunmOptions & { disp?: true }): NDArray;
  (a: unknown, options: FunmOptions & { disp: false }): [NDArray, NDArray];
  (a: unknown, options?: FunmOptions): NDArray | [NDArray, NDArray];
}
export const logm = declare<LogmFunction>('logm', logmHost as LogmFunction);
export const fractionalMatrixPower = declare<(a: unknown, t: number, options?: DispatchOptions) => NDArray>(
  'fractionalMatrixPower',
  fractionalMatrixPowerHost,
);
export const signm = declare<(a: unknown, options?: FunmOptions) => NDArray>('signm', signmHost);
/** F, or [F, error estimate] with `disp: false`. */
export interface FunmFunction {
  (a: unknown, func: ScalarFunction, options?: FunmOptions & { disp?: true }): NDArray;
  (a: unknown, func: ScalarFunction, options: FunmOptions & { disp: false }): [NDArray, NDArray];
  (a: unknown, func: ScalarFunction, options?: FunmOptions): NDArray | [NDArray, NDArray];
}
export const funm = declare<FunmFunction>('funm', funmHost as FunmFunction);
// matrix equations
export const solveSylvester = declare<(a: unknown, b: unknown, q: unknown, options?: DispatchOptions) => NDArray>(
  'solveSylvester',
  solveSylvesterHost,
);
export const solveContinuousLyapunov = declare<(a: unknown, q: unknown, options?: DispatchOptions) => NDArray>(
  'solveContinuousLyapunov',
  solveContinuousLyapunovHost,
);
type AreFunction = (a: unknown, b: unknown, q: unknown, r: unknown, options?: AreOptions) => NDArray;
export const solveContinuousAre = declare<AreFunction>('solveContinuousAre', solveContinuousAreHost);
export const solveDiscreteAre = declare<AreFunction>('solveDiscreteAre', solveDiscreteAreHost);
export const solveDiscreteLyapunov = declare<(a: unknown, q: unknown, options?: DiscreteLyapunovOptions) => NDArray>(
  'solveDiscreteLyapunov',
  solveDiscreteLyapunovHost,
);

// cossin's result depends on `separate`: CossinFunction states which
export const cossin = declare<CossinFunction>('cossin', cossinHost as CossinFunction);

// randomized sketches
export const clarksonWoodruffTransform = declare<(inputMatrix: unknown, sketchSize: number, options?: ClarksonWoodruffOptions) => NDArray>(
  'clarksonWoodruffTransform',
  clarksonWoodruffTransformHost,
);

/**
 * Every multimethod of the domain by name (for capability tables, manifests and
 * conformance), in the table's order. That each row is declared is checked by the tests.
 */
export const LINALG_MULTIMETHODS: Readonly<Record<string, Multimethod<(...args: any[]) => any>>> = table.multimethods();
