/**
 * @sciport/linalg — scipy.linalg for TypeScript.
 *
 * Every function is a multimethod of domain `sciport.linalg` declared from one table
 * (`LINALG_FUNCTIONS`), with a host (CPU) implementation in this package.
 *
 * @packageDocumentation
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
export {
  khatriRao,
  lstsq,
  nullSpace,
  orth,
  orthogonalProcrustes,
  type PinvFunction,
  type PinvhFunction,
  pinv,
  pinvh,
  polar,
  subspaceAngles,
} from './multimethods.js';
export type { LstsqResult } from './lstsq.js';
export type { PinvhOptions } from './pinvh.js';
export { choleskyBanded, choSolveBanded, solveBanded, solvehBanded } from './multimethods.js';
export { matmulToeplitz, solveCirculant, solveToeplitz } from './multimethods.js';
export { ldl, qrDelete, qrInsert, qrMultiply, qrUpdate, rq } from './multimethods.js';
export type { QrDeleteOptions, QrInsertOptions, QrUpdateOptions } from './qr-update.js';
export type { LdlOptions } from './ldl.js';
export type { QrMultiplyOptions } from './qr-multiply.js';
export type { RqFunction, RqMode, RqOptions } from './rq.js';
export type { MatmulToeplitzOptions, SolveCirculantOptions, SolveToeplitzOptions, ToeplitzSpec } from './structured-options.js';
export type {
  CholeskyBandedOptions,
  ChoSolveBandedOptions,
  OverwriteAbOptions,
  SolveBandedOptions,
  SolvehBandedOptions,
} from './banded-options.js';
export type {
  LstsqDriver,
  LstsqOptions,
  NullSpaceOptions,
  OrthOptions,
  PinvOptions,
  PolarOptions,
  ProcrustesOptions,
} from './least-squares-options.js';
export { cossin } from './multimethods.js';
export type { CossinFunction, CossinOptions } from './cossin.js';
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
export { clarksonWoodruffTransform } from './multimethods.js';
export type { ClarksonWoodruffOptions } from './sketches.js';
export type { RandomOptions, UniformSource } from './random.js';
