// Entry of an ingest worker thread. A worker runs outside any bundler or test transform, and a loader the parent
// process was started with (`node --import tsx`) does not reach it on every Node version, so TypeScript is loaded
// through tsx's own API here.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
