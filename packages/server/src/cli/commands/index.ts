import type { Command } from '../command';
import { analyzeCommand } from './analyze';
import { auditVerifyCommand } from './audit-verify';
import { demoCommand } from './demo';
import { serveCommand } from './serve';
import { simulateCommand } from './simulate';
import { tokensCreateCommand } from './tokens-create';
import { usersCreateCommand } from './users-create';
import { workerCommand } from './worker';
import { planDiffCommand } from './plan-diff';
import { planImportCommand } from './plan-import';
import { traceLeakCommand } from './trace-leak';
import { exportCommand } from './export';

/**
 * Every `parley` subcommand, in the order `parley --help` lists them. Each lives in its own
 * file beside this one; add a new command here.
 */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  analyzeCommand,
  demoCommand,
  usersCreateCommand,
  tokensCreateCommand,
  auditVerifyCommand,
  workerCommand,
  planImportCommand,
  planDiffCommand,
  simulateCommand,
  exportCommand,
  traceLeakCommand,
];
