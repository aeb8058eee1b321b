/**
 * What a worker needs of @sciport/ndimage: its multimethods (the host filters the halo tasks
 * call by id) and the halo task itself.
 */
import '@sciport/ndimage';
import '../runtime/halo-task.js';
