/**
 * @sciport/linalg — scipy.linalg for TypeScript.
 *
 * Every function is a multimethod of domain `sciport.linalg` declared from one table
 * (`LINALG_FUNCTIONS`), with a host (CPU) implementation in this package.
 */
export {
  bandwidth,
  blockDiag,
  circulant,
  companion,
  convolutionMatrix,
  dft,
  fiedler,
  fiedlerCompanion,
  hadamard,
  hankel,
  helmert,
  hilbert,
  invhilbert,
  invpascal,
  leslie,
  pascal,
  toeplitz,
  choFactor,
  cholesky,
  choSolve,
  det,
  inv,
  ishermitian,
  issymmetric,
  LINALG_DOMAIN,
  LINALG_MULTIMETHODS,
  lu,
  luFactor,
  luSolve,
  norm,
  qr,
  solve,
  svd,
  svdvals,
  diagsvd,
  solveTriangular,
  hessenberg,
  schur,
  rsf2csf,
  eig,
  eigvals,
  eigh,
  eigvalsh,
  eighTridiagonal,
  eigvalshTridiagonal,
  eigBanded,
  eigvalsBanded,
  cdf2rdf,
  matrixBalance,
  qz,
  ordqz,
  expm,
  expmFrechet,
  expmCond,
  type ExpmFrechetFunction,
  cosm,
  sinm,
  tanm,
  coshm,
  sinhm,
  tanhm,
  sqrtm,
  type SqrtmFunction,
  signm,
  logm,
  type LogmFunction,
  fractionalMatrixPower,
  funm,
  type FunmFunction,
  solveSylvester,
  solveContinuousLyapunov,
  solveDiscreteLyapunov,
  solveContinuousAre,
  solveDiscreteAre,
} from './multimethods.js';
export { LINALG_FUNCTIONS, type LinalgFunction, type LinalgGroup, linalgFunction, linalgNames } from './table.js';
export { LinAlgError } from './errors.js';
export type {
  AreOptions,
  DiscreteLyapunovMethod,
  DiscreteLyapunovOptions,
  ExpmCondOptions,
  ExpmFrechetOptions,
  FrechetMethod,
  FunmOptions,
  SqrtmOptions,
} from './matfun-options.js';
export type { ScalarFunction } from './matfun/funm.js';
export type { AssumeA, SolveOptions, SolveTriangularOptions } from './solve.js';
export type { CholeskyOptions, ChoSolveOptions } from './cholesky.js';
export type { DetOptions, InvOptions } from './inverse.js';
export type { LuFactorOptions, LuOptions, LuSolveOptions } from './lu.js';
export type { NormOptions, NormOrder } from './norm.js';
export type { QrFunction, QrMode, QrOptions } from './qr.js';
export type { SvdFunction, SvdOptions, SvdvalsOptions } from './svd.js';
export type { SymmetryOptions } from './symmetry.js';
export type { FiniteOptions, Trans } from './options.js';
export type {
  EigenvalueSort,
  EighDriver,
  EighOptions,
  EigOptions,
  EigvalshOptions,
  EigvalsOptions,
  HessenbergOptions,
  SchurOptions,
} from './eigen-options.js';
export type { EighFunction } from './eigh.js';
export type { EigenSelect } from './eigen-options.js';
export type { EighTridiagonalFunction, EighTridiagonalOptions, EigvalshTridiagonalOptions } from './tridiagonal-eigen.js';
export type { EigBandedFunction, EigBandedOptions, EigvalsBandedOptions } from './banded-eigen.js';
export type { MatrixBalanceFunction, MatrixBalanceOptions } from './matrix-balance.js';
export type { OrdqzOptions, OrdqzSort, QzOptions } from './qz.js';
export type { EigFunction } from './eig.js';
export type { HessenbergFunction, SchurFunction } from './schur.js';
export type { ExactOptions, PascalKind, PascalOptions } from './special/integer-matrices.js';
export type { ConvolutionMatrixOptions, ConvolutionMode } from './special/structured.js';
export type { HankelOptions, ToeplitzOptions } from './special/toeplitz.js';
export type { DftOptions, HadamardOptions, HelmertOptions } from './special/transforms.js';
export {
  explain,
  registerBackend,
  setGlobalBackend,
  skipBackend,
  trace,
  unregisterBackend,
  withBackend,
  withBackend as setBackend,
} from '@sciport/dispatch-core';
