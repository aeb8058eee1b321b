import { InvalidArgumentError, NotSupportedError } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import { cluster } from '../src/node.js';

/** `workerUrl` names a Web Worker script: checked for its type, and refused in Node. */
describe('cluster.local({ workerUrl })', () => {
  it('is refused in Node, naming the option', async () => {
    for (const workerUrl of ['/sciport-worker.js', new URL('file:///tmp/sciport-worker.js')]) {
      const error = await cluster.local({ workers: 1, workerUrl }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotSupportedError);
      expect((error as NotSupportedError).argument).toBe('workerUrl');
    }
  });

  it('must be a string or a URL', async () => {
    for (const workerUrl of [42, {}, null]) {
      const error = await cluster.local({ workers: 1, workerUrl: workerUrl as never }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('workerUrl');
    }
  });
});
