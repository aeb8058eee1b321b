/**
 * Task parameters may embed chunk inputs as `{ $input: i }` placeholders: the host keeps
 * arguments as plain data, the worker puts the decoded arrays in their places.
 */
import { packedMap } from '@sciport/array-api';

export interface InputPlaceholder {
  readonly $input: number;
}

export function inputRef(i: number): InputPlaceholder {
  return { $input: i };
}

function isPlaceholder(value: unknown): value is InputPlaceholder {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { $input?: unknown }).$input === 'number' &&
    Object.keys(value).length === 1
  );
}

export function fillTemplate<T>(template: unknown, inputs: readonly T[]): unknown {
  if (isPlaceholder(template)) {
    const value = inputs[template.$input];
    if (value === undefined) throw new RangeError(`Task parameter refers to missing input ${template.$input}.`);
    return value;
  }
  if (Array.isArray(template)) return packedMap(template, (v) => fillTemplate(v, inputs));
  if (template !== null && typeof template === 'object' && Object.getPrototypeOf(template) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(template)) out[k] = fillTemplate(v, inputs);
    return out;
  }
  return template;
}
