/**
 * The geometricTransform mappings of the ndimage fixtures, stored as data: the fixture
 * generator passed SciPy a Python callable; the suite builds the same function in JS.
 *
 * - `{ mapping: 'linear', scale, shift }`: input = output · scale + shift, per axis;
 * - `{ mapping: 'linear-arguments' }`: the same, with scale and shift as extraArguments;
 * - `{ mapping: 'linear-keywords' }`: the same, with { scale, shift } as extraKeywords.
 */
type Mapping = (coordinates: number[], ...extra: unknown[]) => number[];

export interface MappingSpec {
  readonly mapping: string;
  readonly scale?: readonly number[];
  readonly shift?: readonly number[];
}

export function isMappingSpec(v: unknown): v is MappingSpec {
  return typeof v === 'object' && v !== null && typeof (v as { mapping?: unknown }).mapping === 'string';
}

function linear(c: number[], scale: readonly number[], shift: readonly number[]): number[] {
  return c.map((v, i) => v * scale[i] + shift[i]);
}

/** The JS mapping a fixture's spec stands for. */
export function mappingCallback(spec: MappingSpec): Mapping {
  switch (spec.mapping) {
    case 'linear':
      return (c) => linear(c, spec.scale ?? [], spec.shift ?? []);
    case 'linear-arguments':
      return (c, scale, shift) => linear(c, scale as number[], shift as number[]);
    case 'linear-keywords':
      return (c, keywords) => {
        const { scale, shift } = keywords as { scale: number[]; shift: number[] };
        return linear(c, scale, shift);
      };
    default:
      throw new Error(`unknown fixture mapping '${spec.mapping}'`);
  }
}
