/**
 * Kernel parameters, packed as 32-bit words into a read-only storage buffer
 * (`P: array<u32>`; read i32/f32 with bitcast). Storage, not uniform, so arrays of
 * parameters need no 16-byte padding.
 */
export class Params {
  private words: number[] = [];
  private readonly f32 = new Float32Array(1);
  private readonly u32 = new Uint32Array(this.f32.buffer);

  get length(): number {
    return this.words.length;
  }

  u(value: number): this {
    this.words.push(value >>> 0);
    return this;
  }

  i(value: number): this {
    this.words.push(value | 0);
    return this;
  }

  f(value: number): this {
    this.f32[0] = value;
    this.words.push(this.u32[0]);
    return this;
  }

  many(values: readonly number[], signed = false): this {
    for (const v of values) signed ? this.i(v) : this.u(v);
    return this;
  }

  toArray(): Uint32Array {
    const out = new Uint32Array(Math.max(1, this.words.length));
    for (let k = 0; k < this.words.length; k++) out[k] = this.words[k];
    return out;
  }
}
