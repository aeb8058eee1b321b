export * from './errors.js';
export * from './brand.js';
