import type { Command } from '../command';

/** A command as `parley --help` lists it; `load` imports its module only when it is run. */
export type CommandEntry = Pick<Command, 'name' | 'summary'> & {
  readonly load: () => Promise<Command>;
  /** A short computation that runs once per process (analysis, simulation): see `runCli`. */
  readonly oneShot?: true;
};

/**
 * Every `parley` subcommand, in the order `parley --help` lists them. Each lives in its own
 * file beside this one and is imported lazily: `parley analyze` must not load the server, the
 * database or the PDF renderers that other commands need (issue #17; guarded by
 * test/cli-lazy-imports.test.ts). Add a new command here; its summary must match its module's.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'serve',
    summary: 'Serve the web app and the API (default http://localhost:4000)',
    load: async () => (await import('./serve')).serveCommand,
  },
  {
    name: 'analyze',
    summary: 'Pareto frontier and bargaining solutions of a GENIUS folder or Parley JSON scenario',
    load: async () => (await import('./analyze')).analyzeCommand,
    oneShot: true,
  },
  {
    name: 'demo',
    summary: 'Load (or reload) the demo negotiation and print its accounts',
    load: async () => (await import('./demo')).demoCommand,
  },
  {
    name: 'users create',
    summary: 'Create an account',
    load: async () => (await import('./users-create')).usersCreateCommand,
  },
  {
    name: 'tokens create',
    summary: 'Create a bearer API token for an account (printed once)',
    load: async () => (await import('./tokens-create')).tokensCreateCommand,
  },
  {
    name: 'audit verify',
    summary:
      'Recompute the audit log’s hash chain; with --checkpoint, prove the log extends a kept checkpoint',
    load: async () => (await import('./audit-verify')).auditVerifyCommand,
  },
  {
    name: 'audit checkpoint',
    summary: 'Print a signed checkpoint of the audit log as it is now (to publish or keep)',
    load: async () => (await import('./audit-keys')).auditCheckpointCommand,
  },
  {
    name: 'audit rotate-key',
    summary: 'Start signing checkpoints with a new key; old checkpoints keep verifying',
    load: async () => (await import('./audit-keys')).auditRotateKeyCommand,
  },
  {
    name: 'seal rotate-key',
    summary: 'Seal with a new key from now on and re-seal every stored bid, profile and live job under it',
    load: async () => (await import('./seal-keys')).sealRotateKeyCommand,
  },
  {
    name: 'seal reseal',
    summary: 'Re-seal every stored value that is not under the current seal key',
    load: async () => (await import('./seal-keys')).sealResealCommand,
  },
  {
    name: 'seal forget-retired',
    summary: 'Re-seal anything still under a retired seal key, then delete the retired keys',
    load: async () => (await import('./seal-keys')).sealForgetRetiredCommand,
  },
  {
    name: 'worker',
    summary: 'Work queued simulation jobs (run several, on any machine that reaches the database)',
    load: async () => (await import('./worker')).workerCommand,
  },
  {
    name: 'plan import',
    summary: 'Check a plan written as numbered text, or import it as a new version',
    load: async () => (await import('./plan-import')).planImportCommand,
  },
  {
    name: 'plan diff',
    summary: 'Redline two plan versions (files, or versions stored in a negotiation)',
    load: async () => (await import('./plan-diff')).planDiffCommand,
  },
  {
    name: 'simulate',
    summary: 'Simulate negotiations with automated agents (batches, tournaments, Monte-Carlo)',
    load: async () => (await import('./simulate')).simulateCommand,
    oneShot: true,
  },
  {
    name: 'export',
    summary: 'Export material for one named recipient (fingerprinted when restricted) to a file',
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'trace-leak',
    summary: 'Name the most likely recipients of a leaked excerpt of a fingerprinted export',
    load: async () => (await import('./trace-leak')).traceLeakCommand,
  },
];
