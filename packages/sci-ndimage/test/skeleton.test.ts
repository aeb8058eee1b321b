import { listMultimethods } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import { DOMAIN, PLANNED_FUNCTIONS, scipyName } from '../src/index.js';

describe('@sciport/ndimage skeleton', () => {
  it('names its dispatch domain and maps planned names back to SciPy', () => {
    expect(DOMAIN).toBe('sciport.ndimage');
    expect(new Set(PLANNED_FUNCTIONS).size).toBe(PLANNED_FUNCTIONS.length);
    for (const name of PLANNED_FUNCTIONS) expect(scipyName(name)).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(scipyName('distanceTransformEdt')).toBe('distance_transform_edt');
  });

  it('declares no multimethod yet (nothing half-registered)', () => {
    expect(listMultimethods().filter((id) => id.startsWith(`${DOMAIN}.`))).toEqual([]);
  });
});
