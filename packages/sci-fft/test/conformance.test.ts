// The sciport.fft reference suite (SciPy fixtures, properties, bad input) on host arrays.
// It imports @sciport/fft by name (the built package), so this file imports nothing from ../src.
import { fftSuite, hostFactory } from '../../conformance/src/node.js';

fftSuite(hostFactory);
