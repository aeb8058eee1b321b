/** The Web Worker script, for bundlers that need it as an entry point of its own (esbuild). */
import '@sciport/backend-cluster/web-worker';
