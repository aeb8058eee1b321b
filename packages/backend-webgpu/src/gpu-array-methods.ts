import { NAMESPACE_KEY } from '@sciport/dispatch-core';
import { GPUArray } from './gpu-array.js';
import { copyAs } from './namespace/convert.js';
import { gpuNamespace } from './namespace/index.js';

/**
 * Installs the GPUArray methods that need the namespace or a kernel (declared on the
 * GPUArray interface in gpu-array.ts), so that GPUArray imports none of the modules that
 * import it. The package entry loads this file once; like a chained-op file installing
 * methods on a tensor prototype.
 */

GPUArray.prototype[NAMESPACE_KEY] = function namespace(this: GPUArray) {
  return gpuNamespace;
};

GPUArray.prototype.contiguous = function contiguous(this: GPUArray): GPUArray {
  this.check();
  if (this.isContiguous && this.offset === 0) return this.view(this.shape, this.stride, 0);
  return copyAs(this);
};
