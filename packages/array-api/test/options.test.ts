/** Options objects: unknown keys, non-plain objects and wrongly typed values are typed errors. */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import { expectError as expectTypedError } from './expect-error.js';

const expectError = (fn: () => unknown, argument: string, message: RegExp) => expectTypedError(fn, InvalidArgumentError, argument, message);
import { asarray } from '../src/asarray.js';
import { hostNamespace as xp } from '../src/namespace.js';
import { readOptions } from '../src/options.js';

describe('unknown option keys', () => {
  it('are refused by every function instead of being ignored', () => {
    const x = xp.ones([2, 3]);
    expectError(() => xp.zeros([3], { dtyp: 'int32' } as never), 'dtyp', /zeros: unknown option 'dtyp'/);
    expectError(() => xp.sum(x, { axs: 0 } as never), 'axs', /sum: unknown option 'axs'/);
    const calls: [string, () => unknown][] = [
      ['asarray', () => asarray([1], { bad: 1 } as never)],
      ['empty', () => xp.empty([1], { bad: 1 } as never)],
      ['ones', () => xp.ones([1], { bad: 1 } as never)],
      ['full', () => xp.full([1], 2, { bad: 1 } as never)],
      ['zerosLike', () => xp.zerosLike(x, { bad: 1 } as never)],
      ['emptyLike', () => xp.emptyLike(x, { bad: 1 } as never)],
      ['onesLike', () => xp.onesLike(x, { bad: 1 } as never)],
      ['fullLike', () => xp.fullLike(x, 1, { bad: 1 } as never)],
      ['arange', () => xp.arange(0, 3, 1, { bad: 1 } as never)],
      ['linspace', () => xp.linspace(0, 1, 3, { bad: 1 } as never)],
      ['eye', () => xp.eye(2, 2, { bad: 1 } as never)],
      ['tril', () => xp.tril(x, { bad: 1 } as never)],
      ['triu', () => xp.triu(x, { bad: 1 } as never)],
      ['meshgrid', () => xp.meshgrid(xp.ones([2]), { bad: 1 } as never)],
      ['astype', () => xp.astype(x, 'float32', { bad: 1 } as never)],
      ['prod', () => xp.prod(x, { bad: 1 } as never)],
      ['mean', () => xp.mean(x, { bad: 1 } as never)],
      ['var', () => xp.var(x, { bad: 1 } as never)],
      ['std', () => xp.std(x, { bad: 1 } as never)],
      ['max', () => xp.max(x, { bad: 1 } as never)],
      ['min', () => xp.min(x, { bad: 1 } as never)],
      ['all', () => xp.all(x, { bad: 1 } as never)],
      ['any', () => xp.any(x, { bad: 1 } as never)],
      ['countNonzero', () => xp.countNonzero(x, { bad: 1 } as never)],
      ['argmax', () => xp.argmax(x, { bad: 1 } as never)],
      ['argmin', () => xp.argmin(x, { bad: 1 } as never)],
      ['cumulativeSum', () => xp.cumulativeSum(x, { bad: 1 } as never)],
      ['cumulativeProd', () => xp.cumulativeProd(x, { bad: 1 } as never)],
      ['sort', () => xp.sort(x, { bad: 1 } as never)],
      ['argsort', () => xp.argsort(x, { bad: 1 } as never)],
      ['searchsorted', () => xp.searchsorted(xp.ones([2]), 1, { bad: 1 } as never)],
      ['diff', () => xp.diff(x, { bad: 1 } as never)],
      ['reshape', () => xp.reshape(x, [6], { bad: 1 } as never)],
      ['flip', () => xp.flip(x, { bad: 1 } as never)],
      ['concat', () => xp.concat([x], { bad: 1 } as never)],
      ['stack', () => xp.stack([x], { bad: 1 } as never)],
      ['unstack', () => xp.unstack(x, { bad: 1 } as never)],
      ['roll', () => xp.roll(x, 1, { bad: 1 } as never)],
      ['repeat', () => xp.repeat(x, 1, { bad: 1 } as never)],
      ['take', () => xp.take(x, asarray([0], { dtype: 'int32' }), { bad: 1 } as never)],
      ['takeAlongAxis', () => xp.takeAlongAxis(x, asarray([[0]], { dtype: 'int32' }), { bad: 1 } as never)],
      ['vecdot', () => xp.vecdot(x, x, { bad: 1 } as never)],
      ['tensordot', () => xp.tensordot(x, x, { bad: 1 } as never)],
      ['dtypes', () => xp.arrayNamespaceInfo().dtypes({ bad: 1 } as never)],
      ['defaultDtypes', () => xp.arrayNamespaceInfo().defaultDtypes({ bad: 1 } as never)],
    ];
    for (const [fn, call] of calls) expectError(call, 'bad', new RegExp(`^${fn}: unknown option 'bad'`));
  });
});

describe('options that are not plain objects', () => {
  it('Map, Date, null, arrays and class instances are refused; undefined is the default', () => {
    const x = xp.ones([2]);
    expectError(() => xp.sum(x, new Map() as never), 'options', /sum: options must be a plain object, got Map/);
    expectError(() => xp.zeros([2], new Date() as never), 'options', /Date/);
    expectError(() => xp.zeros([2], null as never), 'options', /null/);
    expectError(() => asarray([1], null as never), 'options', /asarray.*null/);
    expectError(() => xp.sum(x, [] as never), 'options', /array/);
    expectError(() => xp.sum(x, new (class Opts {})() as never), 'options', /Opts/);
    expect(xp.sum(x, undefined).toArray()).toBe(2);
    expect(xp.sum(x, Object.create(null)).toArray()).toBe(2);
    expect(readOptions({ axis: 1 }, ['axis'], 'f')).toEqual({ axis: 1 });
  });
});

describe('wrong value types in arguments and options', () => {
  it('non-numbers where numbers go, non-booleans where booleans go', () => {
    const x = xp.ones([2, 2]);
    expectError(() => xp.linspace('a' as never, 1, 5), 'start', /"a"/);
    expectError(() => xp.linspace(0, [1, 'b'] as never, 5), 'stop', /number or \[re, im\]/);
    expectError(() => xp.linspace(0, 1, 5, { endpoint: 'no' as never }), 'endpoint', /true or false/);
    expectError(() => xp.eye(3, 3, { k: '1' as never }), 'k', /integer/);
    expectError(() => xp.tril(x, { k: 0.5 }), 'k', /integer/);
    expectError(() => xp.sum(x, { keepdims: 1 as never }), 'keepdims', /true or false/);
    expectError(() => xp.sort(x, { descending: 'yes' as never }), 'descending', /true or false/);
    expectError(() => xp.cumulativeSum(xp.ones([2]), { includeInitial: 0 as never }), 'includeInitial', /true or false/);
    expectError(() => asarray([1], { copy: 'no' as never }), 'copy', /true or false/);
    expectError(() => xp.var(x, { correction: Number.NaN }), 'correction', /non-negative/);
    expectError(() => xp.astype(x, 'float32', { copy: 1 as never }), 'copy', /true or false/);
    // NaN and ±Infinity are numbers: np.linspace(0, np.inf, 2) gives [nan, inf].
    expect(xp.linspace(0, Number.POSITIVE_INFINITY, 2).toArray()).toEqual([Number.NaN, Number.POSITIVE_INFINITY]);
  });
});
