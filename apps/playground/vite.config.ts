import { defineConfig } from 'vite';

// Top-level await in main.ts and module Web Workers need an ES2022 target.
export default defineConfig({
  build: { target: 'es2022' },
  worker: { format: 'es' },
});
