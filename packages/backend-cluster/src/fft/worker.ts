/**
 * What a worker needs of @sciport/fft: its multimethods (the host implementations the chunk
 * tasks call by id) and its result memory, so slab results land in the output chunk.
 */
import '@sciport/fft';
import { withResultMemory } from '@sciport/fft/backend-kit';
import { registerResultMemory } from '../runtime/result-memory.js';

registerResultMemory('sciport.fft', withResultMemory);
