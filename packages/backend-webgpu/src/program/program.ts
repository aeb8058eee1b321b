import { DeviceError } from '@sciport/dispatch-core';
import type { Runtime } from '../runtime.js';

/**
 * A compute program: WGSL generated from parameters. `key` names everything the code
 * depends on (kernel, shape class, dtypes); pipelines are cached by it, so two calls
 * with the same key share one compiled pipeline. Runtime sizes travel in the params
 * buffer, not in the code.
 */
export interface Program {
  readonly key: string;
  /** Invocations per workgroup (x only). */
  readonly workgroupSize: number;
  /** Needs `enable f16;` (only offered where the adapter has shader-f16). */
  readonly f16?: boolean;
  source(): string;
}

export function pipelineFor(rt: Runtime, program: Program): GPUComputePipeline {
  let pipeline = rt.pipelines.get(program.key);
  if (pipeline) return pipeline;
  if (program.f16 && !rt.ctx.info.shaderF16) {
    throw new DeviceError('float16 needs the shader-f16 feature, which this adapter does not have.', {
      argument: 'dtype',
      hint: 'Use float32.',
    });
  }
  const code = (program.f16 ? 'enable f16;\n' : '') + program.source();
  const module = rt.device.createShaderModule({ code, label: program.key });
  pipeline = rt.device.createComputePipeline({
    layout: 'auto',
    compute: { module, entryPoint: 'main' },
    label: program.key,
  });
  rt.pipelines.set(program.key, pipeline);
  return pipeline;
}

/** The shader's entry header: flat workgroup index over a 2-D grid, and the invocation ids. */
export function entryHeader(workgroupSize: number): string {
  return `@compute @workgroup_size(${workgroupSize})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let wg = wid.x + wid.y * nwg.x;
  let gid = wg * ${workgroupSize}u + lid;`;
}
