/**
 * What a worker needs of @sciport/fft: its multimethods (the host implementations the chunk
 * tasks call by id), its memory hooks, so results land in the output chunk and gathered
 * blocks are assembled straight into the kernels' memory, and the task that completes the
 * spectrum of real input block by block.
 */
import { FFT_MULTIMETHODS } from '@sciport/fft';
import { withInputFill, withResultMemory } from '@sciport/fft/backend-kit';
import { registerHostMemory } from '../runtime/host-memory.js';
import { requireMultimethods } from '../runtime/required-multimethods.js';
import './complete-spectrum-task.js';

registerHostMemory('sciport.fft', { resultMemory: withResultMemory, inputFill: withInputFill });
requireMultimethods(FFT_MULTIMETHODS);
