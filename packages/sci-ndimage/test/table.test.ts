import { describe, expect, it } from 'vitest';
import { expectTableMatchesMultimethods } from '../../conformance/src/node.js';
import * as ndimageApi from '../src/index.js';
import {
  NDIMAGE_DOMAIN,
  NDIMAGE_FUNCTIONS,
  NDIMAGE_MULTIMETHODS,
  ndimageFunction,
  ndimageNames,
  PLANNED_FUNCTIONS,
  scipyName,
} from '../src/index.js';

/** SciPy 1.17's `scipy.ndimage.__all__` (75 names), to check implemented + planned covers it exactly. */
const SCIPY_NDIMAGE = [
  'affine_transform', 'binary_closing', 'binary_dilation', 'binary_erosion', 'binary_fill_holes', 'binary_hit_or_miss',
  'binary_opening', 'binary_propagation', 'black_tophat', 'center_of_mass', 'convolve', 'convolve1d', 'correlate',
  'correlate1d', 'distance_transform_bf', 'distance_transform_cdt', 'distance_transform_edt', 'extrema', 'find_objects',
  'fourier_ellipsoid', 'fourier_gaussian', 'fourier_shift', 'fourier_uniform', 'gaussian_filter', 'gaussian_filter1d',
  'gaussian_gradient_magnitude', 'gaussian_laplace', 'generate_binary_structure', 'generic_filter', 'generic_filter1d',
  'generic_gradient_magnitude', 'generic_laplace', 'geometric_transform', 'grey_closing', 'grey_dilation', 'grey_erosion',
  'grey_opening', 'histogram', 'iterate_structure', 'label', 'labeled_comprehension', 'laplace', 'map_coordinates',
  'maximum', 'maximum_filter', 'maximum_filter1d', 'maximum_position', 'mean', 'median', 'median_filter', 'minimum',
  'minimum_filter', 'minimum_filter1d', 'minimum_position', 'morphological_gradient', 'morphological_laplace',
  'percentile_filter', 'prewitt', 'rank_filter', 'rotate', 'shift', 'sobel', 'spline_filter', 'spline_filter1d',
  'standard_deviation', 'sum', 'sum_labels', 'uniform_filter', 'uniform_filter1d', 'value_indices', 'variance',
  'vectorized_filter', 'watershed_ift', 'white_tophat', 'zoom',
];

describe('the ndimage table', () => {
  it('declares exactly one multimethod per row, exported under its name, and no other, frozen', () => {
    expectTableMatchesMultimethods(NDIMAGE_DOMAIN, NDIMAGE_FUNCTIONS, NDIMAGE_MULTIMETHODS, ndimageApi);
    for (const f of NDIMAGE_FUNCTIONS) expect(f.options, f.name).toContain('backend');
  });

  it("splits SciPy's 75 functions into implemented and planned, with none in both", () => {
    const implemented = ndimageNames();
    expect(implemented.filter((n) => PLANNED_FUNCTIONS.includes(n))).toEqual([]);
    expect([...implemented, ...PLANNED_FUNCTIONS].map(scipyName).sort()).toEqual([...SCIPY_NDIMAGE].sort());
  });

  it('describes each function as SciPy does', () => {
    expect(ndimageFunction('correlate')).toMatchObject({ kind: 'linear', axes: 'axes', args: ['weights'] });
    expect(ndimageFunction('gaussianFilter1d')).toMatchObject({ kind: 'linear', axes: 'axis', args: ['sigma'] });
    expect(ndimageFunction('minimumFilter')).toMatchObject({ kind: 'rank', axes: 'axes', args: [] });
    expect(ndimageFunction('minimumFilter').options).toContain('footprint');
    expect(ndimageFunction('gaussianFilter').options).toEqual(expect.arrayContaining(['order', 'truncate', 'radius', 'axes']));
    expect(ndimageFunction('uniformFilter1d').options).not.toContain('axes');
  });

  it('describes the generic and Fourier filters', () => {
    expect(ndimageFunction('genericFilter1d')).toMatchObject({ kind: 'generic', axes: 'axis', args: ['function', 'filterSize'] });
    expect(ndimageFunction('vectorizedFilter').options).toEqual(expect.arrayContaining(['size', 'footprint', 'batchMemory', 'axes']));
    expect(ndimageFunction('fourierShift')).toMatchObject({ kind: 'fourier', axes: 'axis', args: ['shift'] });
    expect(ndimageFunction('fourierEllipsoid').options).toEqual(['n', 'axis', 'output', 'backend']);
  });

  it('rejects a name that is not in the table with a typed error', () => {
    expect(() => ndimageFunction('zoomIn')).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'name' }));
  });

  it('freezes the planned list too', () => {
    expect(Object.isFrozen(PLANNED_FUNCTIONS)).toBe(true);
  });
});
