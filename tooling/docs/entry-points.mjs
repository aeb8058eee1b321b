// The entry points of the published packages (their `exports`) that the API reference covers.
export const ENTRY_POINTS = {
  '@sciport/dispatch-core': 'packages/dispatch-core/src/index.ts',
  '@sciport/array-api': 'packages/array-api/src/index.ts',
  '@sciport/array-api/kit': 'packages/array-api/src/kit.ts',
  '@sciport/fft': 'packages/sci-fft/src/index.ts',
  '@sciport/fft/backend-kit': 'packages/sci-fft/src/backend-kit.ts',
  '@sciport/ndimage': 'packages/sci-ndimage/src/index.ts',
  '@sciport/ndimage/backend-kit': 'packages/sci-ndimage/src/backend-kit.ts',
  '@sciport/linalg': 'packages/sci-linalg/src/index.ts',
  '@sciport/backend-webgpu': 'packages/backend-webgpu/src/index.ts',
  '@sciport/backend-cluster': 'packages/backend-cluster/src/index.ts',
  '@sciport/backend-cluster/worker': 'packages/backend-cluster/src/worker.ts',
  '@sciport/conformance': 'packages/conformance/src/index.ts',
};
