import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withoutDeviceSelectLayer } from '../src/device/device-select-layer.js';

const NAMES = ['XDG_RUNTIME_DIR', 'NODEVICE_SELECT', 'DRI_PRIME', 'MESA_VK_DEVICE_SELECT'] as const;

describe('withoutDeviceSelectLayer', () => {
  let saved: Record<string, string | undefined>;
  beforeEach(() => {
    saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
    for (const name of NAMES) delete process.env[name];
  });
  afterEach(() => {
    for (const name of NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('switches the layer off during the call only, without XDG_RUNTIME_DIR', () => {
    const during = withoutDeviceSelectLayer(() => process.env.NODEVICE_SELECT);
    expect(during).toBe('1');
    expect('NODEVICE_SELECT' in process.env).toBe(false);
  });

  it('restores the environment when the call throws', () => {
    expect(() =>
      withoutDeviceSelectLayer(() => {
        throw new Error('no adapter');
      }),
    ).toThrow('no adapter');
    expect('NODEVICE_SELECT' in process.env).toBe(false);
  });

  it('leaves the layer alone with XDG_RUNTIME_DIR set or when the user chose a GPU through it', () => {
    process.env.XDG_RUNTIME_DIR = '/run/user/1000';
    expect(withoutDeviceSelectLayer(() => process.env.NODEVICE_SELECT)).toBeUndefined();
    delete process.env.XDG_RUNTIME_DIR;
    process.env.DRI_PRIME = '1';
    expect(withoutDeviceSelectLayer(() => process.env.NODEVICE_SELECT)).toBeUndefined();
    delete process.env.DRI_PRIME;
    process.env.NODEVICE_SELECT = '0';
    expect(withoutDeviceSelectLayer(() => process.env.NODEVICE_SELECT)).toBe('0');
    expect(process.env.NODEVICE_SELECT).toBe('0');
  });
});
