/**
 * Installs the NDArray methods that need the namespace or the kernels onto
 * `NDArray.prototype`, so that the class itself imports only leaf modules and the package
 * has no runtime import circle. The package entry (index.ts) imports this module; the
 * method types are declared next to the class.
 */
import { DtypeError, NAMESPACE_KEY } from '@sciport/dispatch-core';
import { broadcastView } from './broadcasting.js';
import { dtypeInfo, isComplexDtype } from './dtypes.js';
import { getView } from './indexing.js';
import { toNDArray } from './kernels.js';
import { copyInto } from './manipulation.js';
import { hostNamespace } from './namespace.js';
import { contiguousData, NDArray, trustedArray } from './ndarray.js';
import type { IndexSpec } from './slice-spec.js';

const methods: ThisType<NDArray> & Pick<NDArray, typeof NAMESPACE_KEY | 'slice' | 'assign'> = {
  [NAMESPACE_KEY]() {
    return hostNamespace;
  },

  slice(...specs: IndexSpec[]): NDArray {
    return getView(this, specs);
  },

  assign(value: unknown) {
    let src = broadcastView(toNDArray(value, 'value'), this.shape, 'value');
    // Overlapping source and target (x.slice('1:').assign(x.slice(':-1'))): read first.
    if (src.data === this.data) src = trustedArray(contiguousData(src, true), src.shape, src.dtype);
    if (isComplexDtype(src.dtype) && !isComplexDtype(this.dtype)) {
      throw new DtypeError(`Cannot assign ${src.dtype} values into a ${this.dtype} array.`, {
        argument: 'value',
        hint: 'Assign real(value) or convert the target to a complex dtype.',
      });
    }
    copyInto(src, this, dtypeInfo(this.dtype).lanes);
    return this;
  },
};

// Non-enumerable like class methods, so the prototype looks as if the class declared them.
for (const key of Reflect.ownKeys(methods)) {
  Object.defineProperty(NDArray.prototype, key, {
    value: methods[key as keyof typeof methods],
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
