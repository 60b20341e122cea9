import { config } from 'zod';

// zod compiles object parsers with `new Function` where it may, and finds out whether it may by
// trying, as each object schema is built: under the panel's CSP (no 'unsafe-eval') that attempt is
// a logged violation. `jitless` is zod's documented switch for CSP pages; it must be set before
// src/protocol.ts builds its schemas, so main.tsx imports this module first.
config({ jitless: true });
