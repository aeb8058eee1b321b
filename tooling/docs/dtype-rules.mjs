// The dtype rules of each function, found by running it on the host: the capability
// probes' sample call (tooling/capabilities) on an array of every dtype, and what dtype
// comes back — or which typed error refuses that dtype.
import { DTYPES } from '@sciport/array-api';
import { fftCalls } from '@sciport/capabilities/fft-calls.mjs';
import { linalgCalls } from '@sciport/capabilities/linalg-calls.mjs';
import { ndimageCalls } from '@sciport/capabilities/ndimage-calls.mjs';

const isArray = (v) => v !== null && typeof v === 'object' && typeof v.toArray === 'function' && 'dtype' in v;

/** The dtypes of a result: `complex128`, or `(float64, int32)` for a tuple, `number` for a scalar. */
function resultDtype(result) {
  if (isArray(result)) return result.dtype;
  if (Array.isArray(result)) return `(${result.map(resultDtype).join(', ')})`;
  if (result instanceof Map) return 'Map';
  return typeof result;
}

/** For one sample call: a map from outcome (`→ complex128`, `DtypeError`) to the input dtypes. */
function rulesOf(call) {
  const outcomes = new Map();
  for (const dtype of DTYPES) {
    const host = call.sample(dtype);
    let outcome;
    try {
      outcome = `→ ${resultDtype(call.invoke(host, host))}`;
    } catch (error) {
      outcome = `refused (${error.name})`;
    }
    outcomes.set(outcome, [...(outcomes.get(outcome) ?? []), dtype]);
  }
  return outcomes;
}

/** Map of domain → map of function name → [[outcome, input dtypes], …]. */
export function collectDtypeRules() {
  const domains = new Map();
  for (const { domain, calls } of [fftCalls, ndimageCalls, linalgCalls]) {
    const rules = new Map();
    for (const call of calls) rules.set(call.name, [...rulesOf(call)]);
    domains.set(domain, rules);
  }
  return domains;
}
