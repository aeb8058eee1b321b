// `pnpm demo`: a multimethod dispatching, and explain() saying why.
import {
  ARRAY_BRAND,
  defineBackend,
  explain,
  formatRecord,
  implement,
  multimethod,
  NOT_CONVERTIBLE,
  registerBackend,
  trace,
  withBackend,
} from '@sciport/dispatch-core';

const log = (title, text) => console.log(`\n── ${title}\n${text}`);

// An interface package declares a multimethod with a default (host) implementation.
const scale = multimethod({
  domain: 'demo',
  name: 'scale',
  dispatch: [0],
  default: (x, options = {}) => x.map((v) => v * (options.factor ?? 2)),
});
log('host call → default implementation', JSON.stringify(scale([1, 2, 3])));

// A backend owns an array kind and registers itself (as importing a backend package does).
class PinnedArray {
  constructor(values) {
    this.values = values;
    this.dtype = 'float64';
    this[ARRAY_BRAND] = 'pinned';
  }
  get shape() {
    return [this.values.length];
  }
  async toHost() {
    return this.values;
  }
}
registerBackend(
  defineBackend({
    name: 'pinned',
    kinds: ['pinned'],
    functions: [implement(scale, (x, options = {}) => new PinnedArray(x.values.map((v) => v * (options.factor ?? 2))))],
    canRun: (_fn, [x]) => (x.values?.length > 1_000_000 ? 'larger than 1M elements' : true),
    convert: (value, coerce) => (coerce && Array.isArray(value) ? new PinnedArray(value) : NOT_CONVERTIBLE),
  }),
);

const pinned = new PinnedArray([1, 2, 3]);
log('pinned array → the backend that owns it', formatRecord(explain(scale, pinned)));
log('host array inside withBackend(pinned, { coerce: true })', formatRecord(withBackend('pinned', () => explain(scale, [1, 2]), { coerce: true })));
log('the same scope without coerce: declined, with the reason', formatRecord(withBackend('pinned', () => explain(scale, [1, 2]))));
try {
  scale([1, 2], { backend: 'nowhere' });
} catch (error) {
  log('forcing a backend that does not exist', `${error.name}: ${error.message}`);
}
const { records } = trace(() => [scale([1]), scale(pinned)]);
log('trace() of two calls', records.map((r) => `${r.function} → ${r.chosen}`).join('\n'));
