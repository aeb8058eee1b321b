import {
  ARRAY_BRAND,
  type Backend,
  defineBackend,
  implement,
  multimethod,
  NOT_CONVERTIBLE,
  registerBackend,
  type SciportError,
  unregisterBackend,
} from '../src/index.js';

/** A tiny array of any kind, enough to exercise dispatch. */
export class ToyArray {
  readonly [ARRAY_BRAND]: string;
  constructor(
    kind: string,
    readonly values: number[],
    readonly dtype = 'float64',
  ) {
    this[ARRAY_BRAND] = kind;
  }
  get shape() {
    return [this.values.length];
  }
  async toHost() {
    return new ToyArray('host', this.values, this.dtype);
  }
}

let counter = 0;
/** A fresh multimethod per test so ids never collide between tests. */
export function makeDouble() {
  return multimethod({
    domain: 'test.dispatch',
    name: `double${counter++}`,
    dispatch: [0],
    default: (x: ToyArray | number[], _options?: { backend?: string }) =>
      new ToyArray('host', (Array.isArray(x) ? x : x.values).map((v) => 2 * v)),
  });
}

export type Double = ReturnType<typeof makeDouble>;

/** A backend owning `kinds` whose implementation tags results with its name. */
export function toyBackend(
  name: string,
  fn: Double,
  extra: Partial<Backend> & { kinds?: string[] } = {},
): Backend {
  return defineBackend({
    name,
    kinds: extra.kinds ?? [name],
    functions: [
      implement(fn, (x) => new ToyArray(name, (Array.isArray(x) ? x : x.values).map((v) => 2 * v))),
    ],
    convert: (value: unknown, coerce: boolean) =>
      coerce && value instanceof ToyArray ? new ToyArray(name, value.values) : NOT_CONVERTIBLE,
    ...extra,
  });
}

/** Register backends for the duration of `body`. */
export async function withRegistered<R>(backends: Backend[], body: () => R | Promise<R>): Promise<R> {
  for (const b of backends) registerBackend(b);
  try {
    return await body();
  } finally {
    for (const b of backends) unregisterBackend(b);
  }
}

/**
 * The error `body` throws, which must be a `kind` (a SciportError by default); any other
 * error is thrown on, and a body that throws nothing fails the test.
 */
export function thrown<E extends Error = SciportError>(body: () => unknown, kind?: abstract new (...args: any[]) => E): E {
  try {
    body();
  } catch (error) {
    if (kind === undefined || error instanceof kind) return error as E;
    throw error;
  }
  throw new Error(`expected ${kind?.name ?? 'an error'} to be thrown`);
}

export const kindOfResult = (r: unknown) => (r as ToyArray)[ARRAY_BRAND];
