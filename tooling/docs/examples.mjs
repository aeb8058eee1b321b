// One example per function of sciport.fft, sciport.ndimage and sciport.linalg, as source
// text. `pnpm run docs` runs each one and prints its real result under it, so an example that
// stops working fails the docs build instead of rotting in a comment.

/** A 4×6 image of small integers (the capability probes' grid). */
const IMAGE = '[[1, 4, 2, 5, 3, 1], [3, 1, 4, 2, 5, 3], [5, 3, 1, 4, 2, 5], [2, 5, 3, 1, 4, 2]]';
/** Three labelled regions and background, the shape of IMAGE. */
const LABELS = '[[1, 1, 0, 2, 2, 2], [1, 1, 0, 0, 2, 2], [0, 0, 3, 3, 0, 0], [0, 3, 3, 3, 0, 0]]';
/** A 4×6 binary image: two objects, one with a hole. */
const BINARY_IMAGE = '[[1, 1, 0, 1, 1, 1], [1, 1, 0, 1, 0, 1], [0, 0, 0, 1, 1, 1], [0, 1, 1, 0, 0, 0]]';
/** A 3×3 symmetric positive definite matrix: every solver and factorisation applies. */
const MATRIX = '[[4, 1, 0], [1, 3, 1], [0, 1, 2]]';
/** MATRIX in band storage: the upper diagonal (padded in front), the diagonal, the lower one. */
const BANDS_UPPER = '[[0, 1, 1], [4, 3, 2]]';

// ---------------------------------------------------------------- sciport.fft

export function fftExample(row) {
  if (row.kind === 'hankel') return { lines: [`${row.name}([1, 2, 3, 4], 0.1, 0.5)`] };
  const x = row.axes === 'axis' ? '[1, 2, 3, 4]' : '[[1, 2, 3], [4, 5, 6]]';
  return { lines: [`${row.name}(${x})`] };
}

// ---------------------------------------------------------------- sciport.ndimage

const DERIVATIVE = (weights) => `(input, axis, output, mode, cval) => correlate1d(input, ${weights}, { axis, output, mode, cval })`;

/** Source of a valid value for each positional argument name of the ndimage table. */
const NDIMAGE_ARGUMENTS = {
  weights: (row) => (row.axes === 'axis' ? '[1, 2, 1]' : '[[0, 1, 0], [1, 2, 1]]'),
  size: () => '3',
  sigma: () => '1',
  rank: (row) => (row.name === 'generateBinaryStructure' ? '2' : '4'),
  connectivity: () => '1',
  percentile: () => '50',
  derivative2: () => DERIVATIVE('[1, -2, 1]'),
  derivative: () => DERIVATIVE('[-1, 0, 1]'),
  mapping: () => '(coordinates) => coordinates.map((c) => c - 0.5)',
  coordinates: () => '[[0.5, 1.5, 2], [1, 2.5, 4]]',
  matrix: () => '[[1, 0.2], [0, 0.9]]',
  shift: () => '0.5',
  zoom: () => '2',
  angle: () => '30',
  function: (row) => GENERIC_CALLBACKS[row.name],
  filterSize: () => '3',
  iterations: () => '2',
  labels: () => 'labels',
  index: () => '[1, 3]',
  min: () => '0',
  max: () => '6',
  bins: () => '3',
  func: () => '(values) => values.toArray().reduce((a, b) => a + b, 0)',
  outDtype: () => "'float64'",
  default: () => '0',
  markers: () => "asarray([[1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 2]], { dtype: 'int32' })",
};

const GENERIC_CALLBACKS = {
  // the mean of each window
  genericFilter: '(values) => values.reduce((a, b) => a + b, 0) / values.length',
  // each output line: the input line moved by one (filterSize 3, origin 0)
  genericFilter1d: '(lineIn, lineOut) => lineOut.set(lineIn.subarray(1, 1 + lineOut.length))',
  // the largest value of each window, all windows at once
  vectorizedFilter: '(windows, { axis }) => max(windows, { axis })',
};

/** The input of the functions that do not take IMAGE as it is. */
function ndimageInput(row) {
  if (row.name === 'findObjects' || row.name === 'valueIndices') return `asarray(${LABELS}, { dtype: 'int32' })`;
  if (row.name === 'watershedIft') return `asarray(${IMAGE}, { dtype: 'uint8' })`;
  if (['binary-morphology', 'distance'].includes(row.kind) || row.name === 'label') return BINARY_IMAGE;
  return IMAGE;
}

/** Functions over several axes that need a window (SciPy has no default size there). */
const needsSize = (row) => row.axes === 'axes' && ['rank', 'generic', 'grey-morphology'].includes(row.kind);

export function ndimageExample(row) {
  const args = row.args.map((name) => {
    const make = NDIMAGE_ARGUMENTS[name];
    if (make === undefined) throw new Error(`tooling/docs/examples.mjs: add an example value for '${name}' (${row.name})`);
    return make(row);
  });
  if (needsSize(row)) args.push('{ size: 3 }');
  const lines = [];
  if (row.dispatch?.length !== 0) {
    lines.push(`const image = ${ndimageInput(row)};`);
    args.unshift('image');
  }
  if (row.args.includes('labels')) lines.push(`const labels = ${LABELS};`);
  lines.push(`${row.name}(${args.join(', ')})`);
  return { lines };
}

// ---------------------------------------------------------------- sciport.linalg

const IDENTITY = '[[1, 0, 0], [0, 1, 0], [0, 0, 1]]';

/** Functions whose example is not `name(a)` on MATRIX. */
const LINALG_EXAMPLES = {
  solve: ['solve(a, [1, 2, 3])'],
  solveTriangular: ['solveTriangular(a, [1, 2, 3])'],
  luSolve: ['luSolve(luFactor(a), [1, 2, 3])'],
  choSolve: ['choSolve(choFactor(a), [1, 2, 3])'],
  diagsvd: ['diagsvd([3, 2, 1], 3, 4)'],
  toeplitz: ['toeplitz([1, 2, 3])'],
  circulant: ['circulant([1, 2, 3])'],
  hankel: ['hankel([1, 2, 3])'],
  companion: ['companion([1, 2, 3])'],
  fiedler: ['fiedler([1, 2, 3])'],
  fiedlerCompanion: ['fiedlerCompanion([1, 2, 3])'],
  leslie: ['leslie([0.1, 2, 1.5], [0.5, 0.8])'],
  convolutionMatrix: ['convolutionMatrix([1, 2, 3], 4)'],
  blockDiag: ['blockDiag([[1, 2], [3, 4]], [[5]])'],
  hilbert: ['hilbert(3)'],
  invhilbert: ['invhilbert(3)'],
  pascal: ['pascal(3)'],
  invpascal: ['invpascal(3)'],
  dft: ['dft(3)'],
  helmert: ['helmert(3)'],
  hadamard: ['hadamard(4)'],
  lstsq: ['lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 2])'],
  subspaceAngles: ['subspaceAngles([[1, 0], [0, 1], [0, 0]], [[1], [1], [0]])'],
  orthogonalProcrustes: [`orthogonalProcrustes(a, ${IDENTITY})`],
  khatriRao: ['khatriRao([[1, 2], [3, 4]], [[5, 6], [7, 8]])'],
  clarksonWoodruffTransform: ['clarksonWoodruffTransform([[1, 2], [3, 4], [5, 6], [7, 8]], 2, { seed: 0 })'],
  solveBanded: ['solveBanded([1, 1], [[0, 1, 1], [4, 3, 2], [1, 1, 0]], [1, 2, 3])'],
  solvehBanded: [`solvehBanded(${BANDS_UPPER}, [1, 2, 3])`],
  choleskyBanded: [`choleskyBanded(${BANDS_UPPER})`],
  choSolveBanded: [`choSolveBanded([choleskyBanded(${BANDS_UPPER}), false], [1, 2, 3])`],
  solveToeplitz: ['solveToeplitz([1, 2, 3], [1, 1, 1])'],
  solveCirculant: ['solveCirculant([2, 1, 0], [1, 2, 3])'],
  matmulToeplitz: ['matmulToeplitz([1, 2, 3], [1, 0, 1])'],
  qrMultiply: ['qrMultiply(a, a)'],
  qrUpdate: ['const [q, r] = qr(a);', 'qrUpdate(q, r, [1, 0, 0], [0, 1, 0])'],
  qrInsert: ['const [q, r] = qr(a);', 'qrInsert(q, r, [1, 2, 3], 1)'],
  qrDelete: ['const [q, r] = qr(a);', 'qrDelete(q, r, 1)'],
  rsf2csf: ['const [t, z] = schur([[1, -2, 0], [2, 1, 0], [0, 0, 3]]);', 'rsf2csf(t, z)'],
  eighTridiagonal: ['eighTridiagonal([4, 3, 2], [1, 1])'],
  eigvalshTridiagonal: ['eigvalshTridiagonal([4, 3, 2], [1, 1])'],
  eigBanded: [`eigBanded(${BANDS_UPPER})`],
  eigvalsBanded: [`eigvalsBanded(${BANDS_UPPER})`],
  cdf2rdf: ['const [w, v] = eig([[1, -2], [2, 1]]);', 'cdf2rdf(w, v)'],
  qz: [`qz(a, ${IDENTITY})`],
  ordqz: [`ordqz(a, ${IDENTITY})`],
  expmFrechet: ['expmFrechet(a, [[0, 1, 0], [0, 0, 0], [0, 0, 0]])'],
  fractionalMatrixPower: ['fractionalMatrixPower(a, 0.5)'],
  funm: ['funm(a, (w) => exp(w))'],
  solveSylvester: ['solveSylvester(a, a, a)'],
  solveContinuousLyapunov: ['solveContinuousLyapunov(a, a)'],
  solveDiscreteLyapunov: ['solveDiscreteLyapunov([[0.5, 0.1], [0, 0.4]], [[1, 0], [0, 1]])'],
  solveContinuousAre: [`solveContinuousAre(a, ${IDENTITY}, ${IDENTITY}, ${IDENTITY})`],
  solveDiscreteAre: [`solveDiscreteAre(a, ${IDENTITY}, ${IDENTITY}, ${IDENTITY})`],
  cossin: ['cossin([[0.6, -0.8], [0.8, 0.6]], { p: 1, q: 1 })'],
};

export function linalgExample(row) {
  const lines = LINALG_EXAMPLES[row.name] ?? [`${row.name}(a)`];
  return { lines: lines.some((l) => /\ba\b/.test(l)) ? [`const a = ${MATRIX};`, ...lines] : [...lines] };
}
