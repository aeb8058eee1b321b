export * from './errors.js';
export * from './brand.js';
export { isPlainObject } from './validate.js';
export {
  NOT_CONVERTIBLE,
  defineBackend,
  implement,
  implementLazy,
  type Backend,
  type BackendCapabilities,
  type FunctionEntry,
  type ImplementOptions,
  type Implementation,
  type NotConvertible,
  type Verdict,
} from './backend.js';
export {
  multimethod,
  getMultimethod,
  listMultimethods,
  type DispatchOptions,
  type Multimethod,
  type MultimethodInfo,
  type MultimethodSpec,
} from './multimethod.js';
export {
  registerBackend,
  unregisterBackend,
  listBackends,
  withBackend,
  skipBackend,
  setGlobalBackend,
  explain,
  trace,
  getDispatchState,
  withDispatchState,
  type BackendRef,
  type GlobalBackendOptions,
  type ScopeOptions,
  type SerializedDispatchState,
} from './controls.js';
export { functionTable, type FunctionRow, type FunctionTable } from './function-table.js';
export { declareFromTable, type DeclarableRow, type TableDeclarations } from './declare-from-table.js';
export { lastDispatch } from './dispatch.js';
export { DEFAULT_BACKEND } from './plan.js';
export {
  BackendNotImplementedError,
  formatRecord,
  type CandidateRecord,
  type CandidateSource,
  type DispatchRecord,
} from './record.js';
export type { GlobalChoice } from './registry.js';
