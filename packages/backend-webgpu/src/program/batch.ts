import { DeviceError } from '@sciport/dispatch-core';
import type { PooledBuffer } from '../memory/pool.js';
import type { Runtime } from '../runtime.js';
import type { Params } from './params.js';
import { type Program, pipelineFor } from './program.js';

/**
 * Records the dispatches of one operation into one command encoder and submits them
 * together. Scratch buffers taken with `scratch()` go back to the pool right after the
 * submit: later work on the queue runs after this one, so reuse is safe.
 */
export class Batch {
  private readonly encoder: GPUCommandEncoder;
  private pass: GPUComputePassEncoder | undefined;
  private readonly temps: PooledBuffer[] = [];
  private readonly after: (() => void)[] = [];
  private submitted = false;

  constructor(readonly rt: Runtime) {
    if (!rt.alive) throw new DeviceError('The WebGPU device this array lives on is gone.', { hint: 'Call `await initWebGPU()` and upload again.' });
    this.encoder = rt.device.createCommandEncoder();
  }

  /** A buffer that lives until this batch is submitted. */
  scratch(bytes: number): GPUBuffer {
    const entry = this.rt.pool.acquire(bytes, 'temporary');
    this.temps.push(entry);
    return entry.buffer;
  }

  /** Run `program` over `workgroups` workgroups; bindings are params then `buffers` in order. */
  dispatch(program: Program, params: Params, buffers: readonly GPUBuffer[], workgroups: number): void {
    if (workgroups <= 0) return;
    const pipeline = pipelineFor(this.rt, program);
    const words = params.toArray();
    const paramBuffer = this.scratch(words.byteLength);
    this.rt.device.queue.writeBuffer(paramBuffer, 0, words);
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: paramBuffer, size: words.byteLength } }];
    buffers.forEach((buffer, k) => {
      entries.push({ binding: k + 1, resource: { buffer } });
    });
    const bindGroup = this.rt.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
    this.pass ??= this.encoder.beginComputePass();
    this.pass.setPipeline(pipeline);
    this.pass.setBindGroup(0, bindGroup);
    const [x, y] = grid(workgroups, this.rt.ctx.info.limits.maxComputeWorkgroupsPerDimension);
    this.pass.dispatchWorkgroups(x, y);
  }

  copy(src: GPUBuffer, srcOffset: number, dst: GPUBuffer, dstOffset: number, bytes: number): void {
    this.endPass();
    if (bytes > 0) this.encoder.copyBufferToBuffer(src, srcOffset, dst, dstOffset, bytes);
  }

  private endPass(): void {
    if (this.pass) {
      this.pass.end();
      this.pass = undefined;
    }
  }

  /** The encoder, for callers that add their own commands (timestamp queries, readback copies). */
  rawEncoder(): GPUCommandEncoder {
    this.endPass();
    return this.encoder;
  }

  /** Runs `release` right after the submit (e.g. disposing an input copy only this batch reads). */
  afterSubmit(release: () => void): void {
    this.after.push(release);
  }

  submit(): void {
    if (this.submitted) return;
    this.submitted = true;
    this.endPass();
    this.rt.device.queue.submit([this.encoder.finish()]);
    for (const t of this.temps) this.rt.pool.release(t);
    this.temps.length = 0;
    for (const release of this.after.splice(0)) release();
  }
}

/** Split a workgroup count over x and y when it exceeds the per-dimension limit. */
export function grid(workgroups: number, maxPerDim: number): [number, number] {
  if (workgroups <= maxPerDim) return [workgroups, 1];
  const y = Math.ceil(workgroups / maxPerDim);
  const x = Math.ceil(workgroups / y);
  return [x, y];
}
