import { z } from 'zod';

// zod probes for eval (`new Function`) before its first object parse, to compile faster parsers;
// under the server's CSP (no 'unsafe-eval') the probe is reported as a violation on every page
// (#13). Imported first by main.tsx, because core parses some schemas while its modules load;
// package.json lists this file under sideEffects so the bundler keeps the bare import.
z.config({ jitless: true });
