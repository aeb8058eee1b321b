import { InvalidArgumentError } from './errors.js';
import { DEFAULT_BACKEND } from './plan.js';
import { registry } from './registry.js';
import { describeInput } from './validate.js';

/** The name of a backend given by its manifest or its name. */
export function nameOf(backend: unknown, argument = 'backend'): string {
  const name =
    typeof backend === 'string' ? backend : backend !== null && typeof backend === 'object' ? (backend as { name?: unknown }).name : undefined;
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidArgumentError(`Expected a backend or a backend name, got ${describeInput(backend)}.`, {
      argument,
      hint: "Pass the backend's name (e.g. 'webgpu') or its manifest.",
    });
  }
  return name;
}

/**
 * The name of a backend that is registered now (or 'default', the default implementation).
 * Like SciPy's `Unknown backend`, a name nothing registered fails at once instead of
 * silently running the default.
 */
export function registeredName(backend: unknown, argument = 'backend'): string {
  const name = nameOf(backend, argument);
  if (name === DEFAULT_BACKEND || registry.backends.has(name)) return name;
  const known = [...registry.backends.keys(), DEFAULT_BACKEND].map((n) => `'${n}'`).join(', ');
  throw new InvalidArgumentError(`Unknown backend '${name}': no backend of that name is registered (registered: ${known}).`, {
    argument,
    hint: "Import the backend's package first (importing it registers the backend), or use one of the registered names.",
  });
}
