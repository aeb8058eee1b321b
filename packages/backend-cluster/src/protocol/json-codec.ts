/**
 * JSON for task parameters on the Redis path, keeping what plain JSON loses: NaN, ±Infinity,
 * -0 and bigint (structured clone keeps them on the thread path already).
 */
const TAG = '$sciport';

export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    // `this[key]` is the raw value; `v` has had toJSON applied, which is fine for numbers.
    const raw = (this as Record<string, unknown>)[key];
    if (typeof raw === 'bigint') return { [TAG]: 'bigint', v: raw.toString() };
    if (typeof raw === 'number') {
      if (Number.isNaN(raw)) return { [TAG]: 'NaN' };
      if (raw === Number.POSITIVE_INFINITY) return { [TAG]: 'Infinity' };
      if (raw === Number.NEGATIVE_INFINITY) return { [TAG]: '-Infinity' };
      if (Object.is(raw, -0)) return { [TAG]: '-0' };
    }
    return v;
  });
}

export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && TAG in (v as object)) {
      const tagged = v as { [TAG]: string; v?: string };
      switch (tagged[TAG]) {
        case 'bigint':
          return BigInt(tagged.v ?? '0');
        case 'NaN':
          return Number.NaN;
        case 'Infinity':
          return Number.POSITIVE_INFINITY;
        case '-Infinity':
          return Number.NEGATIVE_INFINITY;
        case '-0':
          return -0;
      }
    }
    return v;
  });
}
