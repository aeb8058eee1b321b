/**
 * Backend controls, re-exported for the fft domain under SciPy's names
 * (`scipy.fft.set_backend`, `skip_backend`, `set_global_backend`, `register_backend`).
 *
 * They are dispatch-core's controls: a choice made here applies to every sciport
 * multimethod called inside the scope (a backend only ever runs the functions it
 * implements; the rest fall through to the next candidate), not only to sciport.fft.
 */
export {
  explain,
  registerBackend,
  setGlobalBackend,
  skipBackend,
  trace,
  unregisterBackend,
  withBackend,
  withBackend as setBackend,
  type BackendRef,
  type GlobalBackendOptions,
  type ScopeOptions,
} from '@sciport/dispatch-core';
