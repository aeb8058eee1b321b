import type { SerializedDispatchState } from '@sciport/dispatch-core';

/** The backend names that only make sense on the submitting host. */
const HOST_ONLY_BACKENDS = new Set(['cluster']);

/**
 * The dispatch state to re-enter on a worker. Choices of the cluster backend itself are
 * dropped: on a worker the chunks are host arrays, and the cluster backend is not loaded there.
 */
export function portableState(state: SerializedDispatchState): SerializedDispatchState {
  const global = state.global !== null && HOST_ONLY_BACKENDS.has(state.global.backend) ? null : state.global;
  return {
    global,
    disabled: state.disabled.filter((b) => !HOST_ONLY_BACKENDS.has(b)),
    priority: state.priority.filter((b) => !HOST_ONLY_BACKENDS.has(b)),
    scopes: state.scopes.filter((s) => !HOST_ONLY_BACKENDS.has(s.backend)),
  };
}
