import { getMultimethod, type Multimethod, NotSupportedError } from '@sciport/dispatch-core';

/**
 * Checks at a worker's start that a package's multimethods are declared, taking its table of
 * them (`FFT_MULTIMETHODS`). Naming the table is also what keeps them in a bundled worker: the
 * sciport packages declare no side effects, so a bundler drops a bare `import '@sciport/fft'`
 * whose exports nothing uses, and with it the declarations chunk tasks look up by id.
 */
export function requireMultimethods(table: Readonly<Record<string, Multimethod<(...args: any[]) => any>>>): void {
  for (const multimethod of Object.values(table)) {
    if (getMultimethod(multimethod.id) !== multimethod) {
      throw new NotSupportedError(`The worker's multimethod '${multimethod.id}' is not the one declared under that id.`, {
        hint: 'Two copies of @sciport/dispatch-core are loaded into the worker; make your bundler resolve one.',
      });
    }
  }
}
