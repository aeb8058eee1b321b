/**
 * Bench specs for the functions the main list in linalg.bench.mjs does not time: least
 * squares and subspaces, the eigenvalue and Schur family, matrix functions, matrix equations,
 * structured solvers and the constructors. Same fields as the main list; the matrices are
 * the case's A (general), S (symmetric positive definite), U (upper triangular) and b.
 * Most stop at n = 256 (`maxN`): their SciPy time grows as n³ and the run must stay short.
 */

/** A row of the matrix's first column, as the Toeplitz/circulant solvers take (`b` is one). */
const firstColumn = (m) => m.b;

export function moreSpecs() {
  const cubic = (fn, scipy, args = (m) => [m.A], extra = {}) => ({ fn, args, scipy, maxN: 256, ...extra });
  return [
    cubic('lstsq', 'sl.lstsq(A, b)', (m) => [m.A, m.b]),
    cubic('pinv', 'sl.pinv(A)'),
    cubic('pinvh', 'sl.pinvh(S)', (m) => [m.S]),
    cubic('nullSpace', 'sl.null_space(A)'),
    cubic('orth', 'sl.orth(A)'),
    cubic('subspaceAngles', 'sl.subspace_angles(A, S)', (m) => [m.A, m.S]),
    cubic('polar', 'sl.polar(A)'),
    cubic('orthogonalProcrustes', 'sl.orthogonal_procrustes(A, S)', (m) => [m.A, m.S]),
    cubic('ldl', 'sl.ldl(S)', (m) => [m.S]),
    cubic('rq', 'sl.rq(A)'),
    cubic('hessenberg', 'sl.hessenberg(A)'),
    cubic('schur', 'sl.schur(A)'),
    cubic('matrixBalance', 'sl.matrix_balance(A)'),
    cubic('qz', 'sl.qz(A, S)', (m) => [m.A, m.S]),
    cubic('expm', 'sl.expm(A / np.sqrt(A.shape[-1]))', (m) => [scaled(m.A)]),
    cubic('expmFrechet', 'sl.expm_frechet(A / np.sqrt(A.shape[-1]), S)', (m) => [scaled(m.A), m.S], { maxN: 64 }),
    cubic('cosm', 'sl.cosm(A / np.sqrt(A.shape[-1]))', (m) => [scaled(m.A)]),
    cubic('sinm', 'sl.sinm(A / np.sqrt(A.shape[-1]))', (m) => [scaled(m.A)]),
    cubic('coshm', 'sl.coshm(A / np.sqrt(A.shape[-1]))', (m) => [scaled(m.A)]),
    cubic('sqrtm', 'sl.sqrtm(S)', (m) => [m.S]),
    cubic('logm', 'sl.logm(S)', (m) => [m.S]),
    cubic('signm', 'sl.signm(A)', (m) => [m.A], { maxN: 64 }),
    cubic('fractionalMatrixPower', 'sl.fractional_matrix_power(S, 0.3)', (m) => [m.S, 0.3], { maxN: 64 }),
    cubic('solveSylvester', 'sl.solve_sylvester(A, S, U)', (m) => [m.A, m.S, m.U]),
    cubic('solveContinuousLyapunov', 'sl.solve_continuous_lyapunov(A, S)', (m) => [m.A, m.S]),
    cubic('solveDiscreteLyapunov', 'sl.solve_discrete_lyapunov(A / (2 * np.sqrt(A.shape[-1])), S)', (m) => [scaled(m.A, 2), m.S], { maxN: 64 }),
    { fn: 'solveToeplitz', args: (m) => [firstColumn(m), m.b], scipy: 'sl.solve_toeplitz(b, b)', maxN: 2048 },
    { fn: 'solveCirculant', args: (m) => [firstColumn(m), m.b], scipy: 'sl.solve_circulant(b, b)', maxN: 2048 },
    { fn: 'matmulToeplitz', args: (m) => [firstColumn(m), m.b], scipy: 'sl.matmul_toeplitz(b, b)', maxN: 2048 },
    { fn: 'circulant', args: (m) => [m.b], scipy: 'sl.circulant(b)', maxN: 2048 },
    { fn: 'hankel', args: (m) => [m.b], scipy: 'sl.hankel(b)', maxN: 2048 },
    { fn: 'khatriRao', args: (m) => [m.A, m.S], scipy: 'sl.khatri_rao(A, S)', maxN: 64 },
    { fn: 'blockDiag', args: (m) => [m.A, m.S], scipy: 'sl.block_diag(A, S)', maxN: 1024 },
    { fn: 'ishermitian', args: (m) => [m.S], scipy: 'sl.ishermitian(S)', maxN: 2048 },
  ];
}

/** A/(k·√n): a matrix of norm about 2/k, where the matrix functions' scaling stays moderate. */
function scaled(a, k = 1) {
  const n = a.shape[a.ndim - 1];
  const s = 1 / (k * Math.sqrt(n));
  const data = a.data.map((v) => v * s);
  return new a.constructor(data, [...a.shape], a.dtype);
}
