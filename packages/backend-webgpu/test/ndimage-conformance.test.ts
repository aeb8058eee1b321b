import type { NDArray } from '@sciport/array-api';
import { type ArrayFactory, claimedFunctions, ndimageSuite } from '@sciport/conformance/node';
import { NDIMAGE_DOMAIN } from '@sciport/ndimage';
import { isGPUArray, toDevice, webgpuBackend } from '../src/index.js';
import { gpuNdimageDtypes } from '../src/ndimage/functions.js';
import { useGPU } from './gpu-setup.js';

await useGPU();

/**
 * The ndimage reference suite (SciPy fixtures, properties, bad input) on float32 GPU arrays,
 * for the functions the backend claims. The properties and bad-input sections build float64
 * (and complex128) images: they are uploaded as float32 (complex64), the explicit downcast a
 * user would write; the properties then hold to the suite's float32 tolerance.
 */
const webgpuFactory: ArrayFactory = {
  name: 'webgpu',
  make: (host: NDArray) => toDevice(host, { downcast: true }),
  read: async (result: unknown) => (isGPUArray(result) ? ((await result.toHost()) as NDArray) : (result as NDArray)),
  dtypes: ['float32'],
};

ndimageSuite(webgpuFactory, {
  include: claimedFunctions(webgpuBackend, NDIMAGE_DOMAIN),
  dtypes: ['float32'],
  // the GPU returns float32 (complex64 for complex weights); other output dtypes are declined (tested below)
  outputDtypes: ['float32', 'complex64'],
  // SciPy's spline filters return float64 by default, the GPU float32 (see the README): their
  // fixture values are checked as float32 in ndimage-interpolation.test.ts
  skipFixtures: { interpolation: ['splineFilter', 'splineFilter1d'] },
});

/** The functions that take integer GPU arrays, on the int32 fixtures: exact results in int32. */
const integerFunctions = claimedFunctions(webgpuBackend, NDIMAGE_DOMAIN).filter((name) => gpuNdimageDtypes(name).includes('int32'));
ndimageSuite(
  { ...webgpuFactory, name: 'webgpu int32', dtypes: ['int32'] },
  { include: integerFunctions, dtypes: ['int32'], outputDtypes: ['int32'], exclude: ['properties', 'bad-input'] },
);

/**
 * Binary morphology on the bool fixtures (exact). The grey functions also take bool arrays, but
 * only with flat windows (a non-flat structure there is declined, see the README).
 */
ndimageSuite(
  { ...webgpuFactory, name: 'webgpu bool', dtypes: ['bool'] },
  {
    include: claimedFunctions(webgpuBackend, NDIMAGE_DOMAIN).filter((name) => name.startsWith('binary')),
    dtypes: ['bool'],
    exclude: ['properties', 'bad-input'],
  },
);
