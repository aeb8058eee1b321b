import { fuzzSuite, hostFactory } from '../src/node.js';

// Generated bad input on host arrays: a few thousand cases per run.
fuzzSuite(hostFactory, { numRuns: 1000, dtypes: ['float64', 'complex128', 'float32', 'complex64'] });
