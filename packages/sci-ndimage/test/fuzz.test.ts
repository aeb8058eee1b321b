// Generated bad input to every ndimage function on host arrays (the conformance kit's
// ndimage fuzz suite): typed errors naming the argument or readable results, never a hang.
import { hostFactory, ndimageFuzzSuite } from '../../conformance/src/node.js';

ndimageFuzzSuite(hostFactory, { numRuns: 300, dtypes: ['float64', 'complex128', 'float32', 'complex64'] });
