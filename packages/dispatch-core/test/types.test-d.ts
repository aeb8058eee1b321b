import { describe, expectTypeOf, it } from 'vitest';
import { defineBackend, implement, multimethod } from '../src/index.js';

interface Options {
  readonly n?: number;
  readonly backend?: string;
}
const fft = multimethod({
  domain: 'typetest',
  name: 'fft',
  dispatch: [0],
  default: (x: Float64Array, options?: Options): Float64Array => (options?.n ? x.slice(0, options.n) : x),
});

describe('multimethod signatures', () => {
  it('the multimethod keeps the signature of its default implementation', () => {
    expectTypeOf(fft).parameters.toEqualTypeOf<[x: Float64Array, options?: Options]>();
    expectTypeOf(fft).returns.toEqualTypeOf<Float64Array>();
    expectTypeOf(fft.id).toEqualTypeOf<string>();
    // @ts-expect-error a string is not a Float64Array
    fft('not an array');
    // @ts-expect-error unknown option type
    fft(new Float64Array(1), { n: 'three' });
  });

  it('implementations are checked against the signature', () => {
    defineBackend({
      name: 'ok',
      kinds: ['dev'],
      functions: [implement(fft, (x: Float64Array, options?: Options) => x.length + (options?.n ?? 0))],
    });
    // @ts-expect-error the options parameter has the wrong type
    implement(fft, (_x: Float64Array, _options: { n: string }) => 0);
    // @ts-expect-error the first parameter has the wrong type
    implement(fft, (_x: string) => 0);
  });

  it('option declarations are string lists', () => {
    expectTypeOf(implement(fft, (x: Float64Array) => x, { options: ['n'] }).options).toEqualTypeOf<
      readonly string[] | undefined
    >();
    // @ts-expect-error option keys are strings
    implement(fft, (x: Float64Array) => x, { options: [1] });
    expectTypeOf(fft.options).toEqualTypeOf<readonly string[] | undefined>();
  });
});
