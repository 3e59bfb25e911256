// Entry of an engine worker thread. The server is TypeScript run through tsx (see bin/parley.js),
// and a worker thread does not inherit the parent's loader hooks, so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./engine-thread-main.ts');
