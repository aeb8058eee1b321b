/**
 * What a worker needs of @sciport/ndimage: its multimethods (the host filters the halo tasks
 * call by id; naming their table keeps them in a bundled worker, see requireMultimethods)
 * and the halo, label, findObjects and measurement tasks.
 */
import { NDIMAGE_MULTIMETHODS } from '@sciport/ndimage';
import { requireMultimethods } from '../runtime/required-multimethods.js';
import '../runtime/halo-task.js';
import './label-tasks.js';
import './find-objects-tasks.js';
import './measure-tasks.js';
import './histogram-tasks.js';

requireMultimethods(NDIMAGE_MULTIMETHODS);
