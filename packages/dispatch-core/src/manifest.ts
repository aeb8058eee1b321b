import type { Backend } from './backend-types.js';
import { InvalidArgumentError } from './errors.js';
import {
  describeInput,
  expectFunction,
  expectNameList,
  expectNonEmptyString,
  isPlainObject,
} from './validate.js';

/**
 * Names no backend may take: `''` means "no backend" and `'default'` names the default
 * implementation in scopes, per-call options and records.
 */
const RESERVED_NAMES = ['', 'default'];

const HOOKS = ['canRun', 'shouldRun', 'convert', 'canConvert'] as const;

const MANIFEST_HINT = 'Build it with defineBackend({ name, kinds, functions: [implement(fn, impl)] }).';

function validateName(name: unknown): void {
  if (typeof name !== 'string' || RESERVED_NAMES.includes(name) || name.includes(',')) {
    throw new InvalidArgumentError(
      `A backend's name must be a non-empty string other than 'default', without commas; got ${describeInput(name)}.`,
      {
        argument: 'backend.name',
        hint: "'default' names the default implementation, and SCIPORT_* variables list names separated by commas.",
      },
    );
  }
}

function validateFunctions(functions: unknown): void {
  if (!Array.isArray(functions)) {
    throw new InvalidArgumentError(`backend.functions must be an array, got ${describeInput(functions)}.`, {
      argument: 'backend.functions',
      hint: 'List the entries made with implement(fn, impl) or implementLazy(fn, load).',
    });
  }
  const seen = new Set<string>();
  functions.forEach((entry: unknown, i) => {
    const at = `backend.functions[${i}]`;
    if (entry === null || typeof entry !== 'object') {
      throw new InvalidArgumentError(`${at} must be an entry { id, load }, got ${describeInput(entry)}.`, {
        argument: at,
        hint: 'Make entries with implement(fn, impl) or implementLazy(fn, load).',
      });
    }
    const { id, load, options } = entry as { id?: unknown; load?: unknown; options?: unknown };
    expectNonEmptyString(id, `${at}.id`, "The id is the multimethod's id, e.g. 'sciport.fft.fft'.");
    expectFunction(load, `${at}.load`);
    if (options !== undefined) expectNameList(options, `${at}.options`);
    if (seen.has(id)) {
      throw new InvalidArgumentError(`backend.functions lists '${id}' twice.`, {
        argument: `${at}.id`,
        hint: 'Give each multimethod one entry.',
      });
    }
    seen.add(id);
  });
}

/**
 * Checks a backend manifest field by field, naming the bad one, so that a wrong entry
 * fails at registration instead of at some later call. Implementations are loaded lazily;
 * what `load()` returns is checked when it is first loaded.
 */
export function validateManifest(backend: unknown): asserts backend is Backend {
  if (!isPlainObject(backend)) {
    throw new InvalidArgumentError(`A backend manifest must be an object, got ${describeInput(backend)}.`, {
      argument: 'backend',
      hint: MANIFEST_HINT,
    });
  }
  validateName(backend.name);
  expectNameList(backend.kinds, 'backend.kinds', "List the array kinds the backend owns, e.g. ['gpu'].");
  validateFunctions(backend.functions);
  for (const key of ['before', 'after'] as const) {
    if (backend[key] !== undefined) expectNameList(backend[key], `backend.${key}`, 'List backend names.');
  }
  for (const key of HOOKS) if (backend[key] !== undefined) expectFunction(backend[key], `backend.${key}`);
  if (backend.capabilities !== undefined && !isPlainObject(backend.capabilities)) {
    throw new InvalidArgumentError(`backend.capabilities must be an object, got ${describeInput(backend.capabilities)}.`, {
      argument: 'backend.capabilities',
    });
  }
}
