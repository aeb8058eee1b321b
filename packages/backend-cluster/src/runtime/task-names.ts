/** Names of the built-in tasks every worker has. */
export const ASSEMBLE = 'sciport.assemble';
/** Call a multimethod by its stable id on host chunks. */
export const CALL = 'sciport.call';
/** Call a host ArrayNamespace function by name on host chunks. */
export const XP = 'sciport.xp';
/** Merge several same-shaped chunks with a binary host namespace function (tree reductions). */
export const FOLD = 'sciport.fold';
/** fft/fftn of real input: a block of the half spectrum transformed and completed (fft/complete-spectrum-task.ts). */
export const COMPLETE_SPECTRUM = 'sciport.fft.completeSpectrum';
/** Run a multimethod on a block extended by its neighbours' borders, keeping the block's part (runtime/halo-task.ts). */
export const HALO = 'sciport.halo';
/** label, per block: the block's own labels and where each first appears (ndimage/label-tasks.ts). */
export const LABEL_BLOCK = 'sciport.ndimage.labelBlock';
/** label, per block: the pairs of labels the structure connects across the block's faces, edges and corners. */
export const LABEL_BORDERS = 'sciport.ndimage.labelBorders';
/** label, per block: block labels mapped to global ones through a lookup table. */
export const RELABEL = 'sciport.ndimage.relabel';
/** findObjects, per block: each label's box in the block, in array coordinates (ndimage/find-objects-tasks.ts). */
export const FIND_OBJECTS_BLOCK = 'sciport.ndimage.findObjectsBlock';
/** findObjects, a node of the tree: several lists of boxes joined label by label. */
export const MERGE_BOXES = 'sciport.ndimage.mergeBoxes';
/** The labelled measurements, per block: per group its count, sum, extremes, moments (ndimage/measure-tasks.ts). */
export const GROUP_STATS = 'sciport.ndimage.groupStats';
/** The labelled measurements, a node of the tree: several blocks' group statistics joined. */
export const MERGE_GROUP_STATS = 'sciport.ndimage.mergeGroupStats';
/** histogram by labels, per block: the host's histograms of the block (ndimage/histogram-tasks.ts). */
export const HISTOGRAM_BLOCK = 'sciport.ndimage.histogramBlock';
/** histogram by labels, a node of the tree: histograms added. */
export const MERGE_HISTOGRAMS = 'sciport.ndimage.mergeHistograms';
