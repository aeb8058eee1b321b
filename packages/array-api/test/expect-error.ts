import type { SciportError } from '@sciport/dispatch-core';
import { expect } from 'vitest';

/** `fn` throws a `cls` that names `argument`, whose message matches, and that says what to do. */
export function expectError(fn: () => unknown, cls: new (...a: never[]) => SciportError, argument: string, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'throws').toBeInstanceOf(cls);
  const err = caught as SciportError;
  expect(err.argument).toBe(argument);
  expect(err.message).toMatch(message);
  expect(err.hint, 'says what to do').toBeTruthy();
}
