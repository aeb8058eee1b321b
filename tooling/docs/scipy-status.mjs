// What sciport does about each public SciPy name it does not export under SciPy's name in
// camelCase. docs/scipy-map.md is built from this; a SciPy name that is neither exported nor
// listed here fails the build, so the map cannot silently leave one out.

/** Deprecated submodule namespaces of SciPy: their functions are in the module itself. */
const deprecatedNamespace = (module) => ({
  status: 'not applicable',
  why: `a deprecated SciPy submodule namespace; its functions are in \`scipy.${module}\` itself`,
});

const pytest = { status: 'not applicable', why: "SciPy's pytest runner; sciport's tests run with `pnpm test`" };
const fortran = {
  status: 'not applicable',
  why: 'hands out Fortran BLAS/LAPACK routines of the process; sciport has none (its kernels are TypeScript, and a backend brings its own)',
};

export const SCIPY_STATUS = {
  fft: {
    get_workers: {
      status: 'declined',
      why: '`workers` is validated but only a hint: the host implementation is single-threaded; use `@sciport/backend-cluster` for parallel transforms',
    },
    set_workers: {
      status: 'declined',
      why: '`workers` is validated but only a hint: the host implementation is single-threaded; use `@sciport/backend-cluster` for parallel transforms',
    },
    test: pytest,
  },
  ndimage: {
    filters: deprecatedNamespace('ndimage'),
    fourier: deprecatedNamespace('ndimage'),
    interpolation: deprecatedNamespace('ndimage'),
    measurements: deprecatedNamespace('ndimage'),
    morphology: deprecatedNamespace('ndimage'),
    test: pytest,
  },
  linalg: {
    LinAlgWarning: {
      status: 'declined',
      why: 'sciport emits no warnings (a library writing to the console is noise, and JavaScript has no warnings filter)',
    },
    basic: deprecatedNamespace('linalg'),
    decomp: deprecatedNamespace('linalg'),
    decomp_cholesky: deprecatedNamespace('linalg'),
    decomp_lu: deprecatedNamespace('linalg'),
    decomp_qr: deprecatedNamespace('linalg'),
    decomp_schur: deprecatedNamespace('linalg'),
    decomp_svd: deprecatedNamespace('linalg'),
    matfuncs: deprecatedNamespace('linalg'),
    misc: deprecatedNamespace('linalg'),
    special_matrices: deprecatedNamespace('linalg'),
    blas: fortran,
    lapack: fortran,
    cython_blas: fortran,
    cython_lapack: fortran,
    get_blas_funcs: fortran,
    get_lapack_funcs: fortran,
    find_best_blas_type: fortran,
    solve_lyapunov: { status: 'alias', why: "SciPy's alias of `solve_continuous_lyapunov`", sciport: 'solveContinuousLyapunov' },
    cossin: { status: 'not implemented yet', why: 'planned' },
    test: pytest,
  },
};
