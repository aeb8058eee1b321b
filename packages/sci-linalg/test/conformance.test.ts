// The sciport.linalg reference suite (SciPy fixtures) on host arrays.
// It imports @sciport/linalg by name (the built package), so this file imports nothing from ../src.
import { hostFactory, linalgSuite } from '../../conformance/src/node.js';

linalgSuite(hostFactory);
