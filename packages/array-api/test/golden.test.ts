// NumPy golden data on host arrays, every dtype: the conformance kit's Array API suite
// (fixtures from tooling/fixtures/gen_array_api.py), which the GPU and chunked kinds run too.
// The suite imports @sciport/array-api by name (the built package), so this file imports
// nothing from ../src.
import { hostFactory } from '../../conformance/src/factory.js';
import { arrayApiSuite } from '../../conformance/src/suites/array-api.js';

arrayApiSuite(hostFactory);
