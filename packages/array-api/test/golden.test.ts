// NumPy golden data (the conformance kit's Array API suite, fixtures from
// tooling/fixtures/gen_array_api.py) on host arrays, every dtype. The suite imports
// @sciport/array-api by name (the built package), like every other array kind's run of it.
import { arrayApiSuite, hostFactory } from '../../conformance/src/node.js';

arrayApiSuite(hostFactory);
