/**
 * What a worker needs of @sciport/fft: its multimethods (the host implementations the chunk
 * tasks call by id), its result memory, so results land in the output chunk, and its input
 * fill, so gathered blocks are assembled straight into the kernels' memory.
 */
import '@sciport/fft';
import { withInputFill, withResultMemory } from '@sciport/fft/backend-kit';
import { registerInputFill } from '../runtime/input-fill.js';
import { registerResultMemory } from '../runtime/result-memory.js';

registerResultMemory('sciport.fft', withResultMemory);
registerInputFill('sciport.fft', withInputFill);
