// The sciport.fft reference suite on host arrays: what every other backend is held to.
import { fftSuite, hostFactory } from '../src/node.js';

fftSuite(hostFactory);
