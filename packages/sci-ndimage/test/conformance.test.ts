// The sciport.ndimage reference suite (SciPy fixtures, properties, bad input) on host arrays.
// It imports @sciport/ndimage by name (the built package), so this file imports nothing from ../src.
import { hostFactory, ndimageSuite } from '../../conformance/src/node.js';

ndimageSuite(hostFactory);
