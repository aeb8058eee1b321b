/**
 * What a backend that implements sciport.linalg on its own arrays needs from this package:
 * the option checks and error constructors, so its errors are the host's, argument for
 * argument. Not part of the user-facing API.
 */
export { checkAssumeA, singularError } from './solve.js';
export { readFunctionOptions } from './options.js';
export { nonFiniteError } from './finite-error.js';
export { checkFiniteValues } from './stack.js';
