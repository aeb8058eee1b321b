/**
 * Typed errors shared by every sciport package. Each names the argument that was
 * wrong and says what to do, so a user can fix the call without reading source.
 */

export interface SciportErrorOptions {
  /** The argument (or option) that was wrong, e.g. `'axis'` or `'x'`. */
  readonly argument?: string;
  /** What the user can do about it. Appended to the message. */
  readonly hint?: string;
  readonly cause?: unknown;
}

/**
 * Each subclass names itself (`override name = 'ShapeError'`): minifiers rename classes, and the
 * name is part of the API (users test it; the cluster sends errors between threads by name).
 * A subclass that does not gets its class's name, as before.
 */
export class SciportError extends Error {
  override name = 'SciportError';
  readonly argument: string | undefined;
  readonly hint: string | undefined;

  constructor(message: string, options: SciportErrorOptions = {}) {
    const full = options.hint ? `${message} ${options.hint}` : message;
    super(full, options.cause === undefined ? undefined : { cause: options.cause });
    if (new.target !== SciportError) this.name = new.target.name;
    this.argument = options.argument;
    this.hint = options.hint;
  }
}

/** An argument has the right type but a value outside what the function accepts. */
export class InvalidArgumentError extends SciportError {
  override name = 'InvalidArgumentError';
}

/**
 * A value does not fit the dtype it is stored in (`asarray([300], { dtype: 'uint8' })`), as
 * NumPy's OverflowError. A kind of InvalidArgumentError, so existing handlers still catch it.
 */
export class OverflowError extends InvalidArgumentError {
  override name = 'OverflowError';
}

/** An array's shape does not fit (mismatched, wrong ndim, negative, too large…). */
export class ShapeError extends SciportError {
  override name = 'ShapeError';
}

/** An array's dtype is not accepted, or two dtypes cannot be combined. */
export class DtypeError extends SciportError {
  override name = 'DtypeError';
}

/** Arrays of different kinds (host, gpu, chunked) were mixed in one call. */
export class NamespaceMismatchError extends SciportError {
  override name = 'NamespaceMismatchError';
}

/** A device (GPU) was lost or is unavailable. */
export class DeviceError extends SciportError {
  override name = 'DeviceError';
}

/** A feature that exists in SciPy but is not available here (yet), or not on this backend. */
export class NotSupportedError extends SciportError {
  override name = 'NotSupportedError';
}
