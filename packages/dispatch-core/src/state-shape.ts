import type { SerializedDispatchState } from './state-types.js';
import { InvalidArgumentError } from './errors.js';
import { describeInput, expectBoolean, expectNameList, expectNonEmptyString, expectOptions } from './validate.js';

/**
 * Checks the shape of a serialized dispatch state (what `getDispatchState()` returns),
 * field by field, so a state mangled on its way to a worker fails with the field's name.
 */
export function validateState(state: unknown): asserts state is SerializedDispatchState {
  expectOptions(state, 'state', ['global', 'disabled', 'priority', 'scopes']);
  const { global, disabled, priority, scopes } = state;
  if (global !== null && global !== undefined) {
    expectOptions(global, 'state.global', ['backend', 'only', 'coerce', 'tryLast']);
    expectNonEmptyString(global.backend, 'state.global.backend');
    for (const key of ['only', 'coerce', 'tryLast']) expectBoolean(global[key], `state.global.${key}`);
  }
  expectNameList(disabled, 'state.disabled');
  expectNameList(priority, 'state.priority');
  if (!Array.isArray(scopes)) {
    throw new InvalidArgumentError(`state.scopes must be an array, got ${describeInput(scopes)}.`, {
      argument: 'state.scopes',
      hint: 'Pass what getDispatchState() returned (it survives JSON).',
    });
  }
  scopes.forEach((scope: unknown, i) => {
    const at = `state.scopes[${i}]`;
    expectOptions(scope, at, ['type', 'backend', 'only', 'coerce']);
    if (scope.type !== 'set' && scope.type !== 'skip') {
      throw new InvalidArgumentError(`${at}.type must be 'set' or 'skip', got ${describeInput(scope.type)}.`, {
        argument: `${at}.type`,
      });
    }
    expectNonEmptyString(scope.backend, `${at}.backend`);
    expectBoolean(scope.only, `${at}.only`);
    expectBoolean(scope.coerce, `${at}.coerce`);
  });
}
