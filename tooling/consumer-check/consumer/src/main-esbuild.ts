/** esbuild: sciport-worker.ts is built as a second entry point, and the cluster is told where it is. */
import { runInPage } from './page.js';

runInPage({ workers: 2, workerUrl: new URL('./sciport-worker.js', import.meta.url) });
