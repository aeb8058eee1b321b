/**
 * What a worker needs of @sciport/linalg: its multimethods, which the stack tasks call by id
 * (naming the table keeps them in a bundled worker, see requireMultimethods).
 */
import { LINALG_MULTIMETHODS } from '@sciport/linalg';
import { requireMultimethods } from '../runtime/required-multimethods.js';

requireMultimethods(LINALG_MULTIMETHODS);
