import { describe, expect, it } from 'vitest';
import {
  BackendNotImplementedError,
  defineBackend,
  explain,
  implement,
  implementLazy,
  multimethod,
  trace,
  withBackend,
} from '../src/index.js';
import { kindOfResult, ToyArray, withRegistered } from './helpers.js';

interface ScaleOptions {
  readonly backend?: string;
  readonly factor?: number;
  /** Added in a later version of the interface. */
  readonly offset?: number;
}

let counter = 0;
/** An interface that gained `offset` after some backend was written against it. */
function makeScale() {
  return multimethod({
    domain: 'test.options',
    name: `scale${counter++}`,
    dispatch: [0],
    options: ['factor', 'offset'],
    default: (x: ToyArray, options?: ScaleOptions) =>
      new ToyArray('host', x.values.map((v) => v * (options?.factor ?? 1) + (options?.offset ?? 0))),
  });
}
type Scale = ReturnType<typeof makeScale>;

/** A backend owning 'dev' arrays whose implementation understands `options` only. */
function devBackend(name: string, scale: Scale, options?: readonly string[]) {
  const impl = (x: ToyArray, o?: ScaleOptions) =>
    new ToyArray(name, x.values.map((v) => v * (o?.factor ?? 1) + (o?.offset ?? 0)));
  return defineBackend({
    name,
    kinds: ['dev'],
    functions: [options === undefined ? implement(scale, impl) : implement(scale, impl, { options })],
  });
}

const dev = () => new ToyArray('dev', [1, 2]);

describe('option declarations (backward-compatible signature extension)', () => {
  it('an older backend is skipped for calls passing a newer option, used for calls that do not', async () => {
    const scale = makeScale();
    await withRegistered([devBackend('old', scale, ['factor']), devBackend('new', scale, ['factor', 'offset'])], () => {
      expect(kindOfResult(scale(dev(), { factor: 2 }))).toBe('old');
      expect(kindOfResult(scale(dev()))).toBe('old');
      const y = scale(dev(), { factor: 2, offset: 1 });
      expect(kindOfResult(y)).toBe('new');
      expect(y.values).toEqual([3, 5]);
      const record = explain(scale, dev(), { offset: 1 });
      expect(record.candidates[0]).toEqual({
        backend: 'old',
        source: 'registered',
        verdict: 'declined',
        reason: "does not understand option 'offset'",
      });
      expect(record.chosen).toBe('new');
      const { records } = trace(() => scale(dev(), { offset: 1 }));
      expect(records[0].candidates[0].reason).toBe("does not understand option 'offset'");
    });
  });

  it('an option passed as undefined counts as not passed; backend is understood by every entry', async () => {
    const scale = makeScale();
    await withRegistered([devBackend('old', scale, ['factor'])], () => {
      expect(kindOfResult(scale(dev(), { factor: 2, offset: undefined }))).toBe('old');
      expect(kindOfResult(scale(dev(), { backend: 'old', factor: 2 }))).toBe('old');
      expect(scale(new ToyArray('host', [1]), { backend: 'default', offset: 1 }).values).toEqual([2]);
    });
  });

  it('with no capable backend, the error names the option; per-call forcing does not fall back', async () => {
    const scale = makeScale();
    await withRegistered([devBackend('old', scale, ['factor'])], () => {
      expect(() => scale(dev(), { offset: 1 })).toThrow(BackendNotImplementedError);
      expect(() => scale(dev(), { offset: 1 })).toThrow(/old \(registered\): does not understand option 'offset'/);
      const error = (() => {
        try {
          scale(dev(), { backend: 'old', offset: 1 });
        } catch (e) {
          return e as BackendNotImplementedError;
        }
      })();
      expect(error?.record.candidates).toEqual([
        { backend: 'old', source: 'per-call', verdict: 'declined', reason: "does not understand option 'offset'" },
      ]);
    });
  });

  it('the default understands every option; scoped backends are checked the same way', async () => {
    const scale = makeScale();
    await withRegistered([devBackend('new', scale, ['factor', 'offset']), devBackend('old', scale, ['factor'])], () => {
      expect(withBackend('old', () => kindOfResult(scale(dev(), { factor: 2 })))).toBe('old');
      const record = withBackend('old', () => explain(scale, dev(), { offset: 1 }));
      expect(record.candidates.map((c) => [c.backend, c.source, c.verdict])).toEqual([
        ['old', 'scope', 'declined'],
        ['new', 'registered', 'accepted'],
        ['default', 'default', 'not tried'],
      ]);
      expect(scale(new ToyArray('host', [1, 2]), { factor: 2, offset: 1 }).values).toEqual([3, 5]);
    });
  });

  it('an entry without declared options is taken to understand every key', async () => {
    const scale = makeScale();
    await withRegistered([devBackend('undeclared', scale)], () => {
      expect(kindOfResult(scale(dev(), { factor: 2, offset: 1, anything: 3 } as never))).toBe('undeclared');
    });
  });

  it('a key the interface does not declare reaches the backend, which rejects it as the default would', async () => {
    const scale = makeScale();
    const strict = defineBackend({
      name: 'strict',
      kinds: ['dev'],
      functions: [
        implement(
          scale,
          (x: ToyArray, o?: object) => {
            for (const key of Object.keys(o ?? {})) if (key !== 'factor') throw new Error(`strict: unknown option '${key}'`);
            return new ToyArray('strict', x.values);
          },
          { options: ['factor'] },
        ),
      ],
    });
    await withRegistered([strict], () => {
      // 'fctor' is a typo, not a newer option: skipping the backend would hide the mistake
      // behind "no backend can run this"; the backend's own error names the key.
      expect(() => scale(dev(), { fctor: 2 } as never)).toThrow("strict: unknown option 'fctor'");
      expect(() => scale(dev(), { offset: 2 })).toThrow(/strict \(registered\): does not understand option 'offset'/);
    });
  });

  it('implementLazy takes the declaration too, and the trailing options must be a plain object', async () => {
    const scale = makeScale();
    const lazy = defineBackend({
      name: 'lazy',
      kinds: ['dev'],
      functions: [implementLazy(scale, () => (x: ToyArray) => new ToyArray('lazy', x.values), { options: [] })],
    });
    await withRegistered([lazy], () => {
      expect(() => scale(dev(), { factor: 1 })).toThrow(/lazy \(registered\): does not understand option 'factor'/);
      expect(kindOfResult(scale(dev()))).toBe('lazy');
      // A class instance in the last position is not an options object.
      class Settings {
        factor = 2;
      }
      expect(kindOfResult(scale(dev(), new Settings() as never))).toBe('lazy');
    });
  });
});
