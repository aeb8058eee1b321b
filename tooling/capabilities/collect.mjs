// Which backend runs which multimethod for which dtypes, found by running each one: a
// backend's manifest says what it claims; a cell is filled only when the call, made on a
// small array of that dtype and kind, runs and agrees with the host result. The conformance
// suites then check the claimed functions in depth against SciPy's fixtures.
import { DTYPES } from '@sciport/array-api';
import { DEFAULT_BACKEND } from '@sciport/dispatch-core';
import { fftCalls } from './fft-calls.mjs';
import { linalgCalls } from './linalg-calls.mjs';
import { ndimageCalls } from './ndimage-calls.mjs';
import { probe } from './probe.mjs';

/** One domain's table: a row per function, a column per backend, dtypes in the cells. */
async function probeDomain({ domain, calls, undispatched = [] }, columns) {
  const rows = [];
  for (const call of calls) {
    const cells = {};
    for (const column of columns) {
      const claims = column.backend === undefined || column.backend.functions.some((e) => e.id === call.fn.id);
      // A backend may declare a function only to say why it declines every call (capabilities.declined).
      const declined = column.backend?.capabilities?.declined?.[call.fn.id];
      const dtypes = [];
      if (claims && declined === undefined) {
        for (const dtype of DTYPES) {
          if ((await probe(call, call.sample(dtype), column.toKind)) === true) dtypes.push(dtype);
        }
      }
      cells[column.name] = { claims, dtypes, declined };
    }
    rows.push({ name: call.name, cells });
  }
  return { domain, columns: columns.map((c) => c.name), rows, undispatched };
}

/**
 * `kinds`: { name, backend, toKind(host) → array of that kind | undefined } for each backend to
 * probe; the default (host) implementation is always probed.
 */
export async function collectCapabilities(kinds) {
  const columns = [{ name: DEFAULT_BACKEND, backend: undefined, toKind: (x) => x }, ...kinds];
  const domains = [];
  for (const calls of [fftCalls, ndimageCalls, linalgCalls]) domains.push(await probeDomain(calls, columns));
  return { domains };
}
