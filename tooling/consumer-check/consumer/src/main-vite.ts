/** Vite: the cluster finds its worker by itself (Vite bundles `new Worker(new URL(…, import.meta.url))`). */
import { runInPage } from './page.js';

runInPage({ workers: 2 });
