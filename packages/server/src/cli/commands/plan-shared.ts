import {
  DomainError,
  PLAN_TEXT_MAX_LENGTH,
  PlanTextSchema,
  NegotiationIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  parsePlanText,
  planVersionFromText,
  type NegotiationId,
  type ParsedPlan,
  type PlanVersionId,
  type Viewer,
} from '@parley/core';
import { readBoundedFile, UnreadableFileError } from '../../read-bounded-file';
import { createDeps, type AppDeps } from '../../services/deps';
import { findAccountByEmail } from '../../services/accounts';
import { getNegotiationForViewer } from '../../services/negotiations';
import { loadViewer } from '../../services/viewer';
import type { DatabaseHandle } from '../../storage/database';
import { openDatabaseFromFlags } from '../database-flags';
import { CliError } from '../command';

/** Database flags shared by the plan commands. */
export const DATABASE_FLAGS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
  negotiation: { type: 'string' },
  as: { type: 'string' },
} as const;

/**
 * A plan file, checked as the API checks a pasted text (valid UTF-8, no NUL or bidi controls, at
 * most 500 000 characters) and then read as numbered points: a file the web app would refuse is
 * refused here too, with the reason, before anything is stored or compared.
 */
export async function readPlanFile(path: string): Promise<{ text: string; plan: ParsedPlan }> {
  // 4 bytes a character at most: a larger file cannot be a plan the API would take
  const bytes = await readBoundedFile(path, 4 * PLAN_TEXT_MAX_LENGTH).catch((error: unknown) => {
    throw new CliError(error instanceof UnreadableFileError ? error.message : `cannot read ${path}`, 1);
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${path} is not UTF-8 text (save it as UTF-8, or export it as Markdown)`, 1);
  }
  const checked = PlanTextSchema.safeParse(text);
  if (!checked.success)
    throw new CliError(`${path}: ${checked.error.issues.map((issue) => issue.message).join('; ')}`, 1);
  const parsed = parsePlanText(text);
  if (!parsed.ok)
    throw new CliError(
      `${path} is not a numbered plan:\n${parsed.problems.map((problem) => `  ${path}:${problem.message}`).join('\n')}`,
      1,
    );
  return { text, plan: parsed.value };
}

// Two files compared outside any negotiation: the version needs a negotiation id, and the nil UUID is none.
const NO_NEGOTIATION = NegotiationIdSchema.parse('00000000-0000-0000-0000-000000000000');

/** A file's version is named by its path, which must therefore be a plan id (at most 200 characters). */
export function fileVersionId(path: string): PlanVersionId {
  const parsed = PlanVersionIdSchema.safeParse(path);
  if (!parsed.success)
    throw new CliError(`${path}: a plan file's path names its version, so at most 200 characters`, 1);
  return parsed.data;
}

/** A file's plan as a version whose point ids are their numbers, so two files compare point by point. */
export function versionFromFile(parsed: ParsedPlan, label: string) {
  return planVersionFromText(parsed, {
    versionId: fileVersionId(label),
    negotiationId: NO_NEGOTIATION,
    label,
    pointId: (number) => PointIdSchema.parse(`point-${number}`),
  });
}

export type PlanSession = {
  deps: AppDeps;
  viewer: Viewer;
  negotiationId: NegotiationId;
  close: () => Promise<void>;
};

/** Opens the database and acts as the user named by --as, so the policy applies exactly as over HTTP. */
export async function openPlanSession(values: {
  data?: string;
  'database-url'?: string;
  negotiation?: string;
  as?: string;
}): Promise<PlanSession> {
  if (values.negotiation === undefined) throw new CliError('--negotiation ID is required');
  if (values.as === undefined)
    throw new CliError('--as EMAIL is required (the account whose view and rights to use)');
  const handle: DatabaseHandle = await openDatabaseFromFlags(values);
  try {
    const deps = createDeps(handle.db);
    const user = await findAccountByEmail(deps, values.as);
    if (user === undefined) throw new CliError(`no account ${values.as}`, 1);
    const viewer = await loadViewer(deps, user.user.id);
    const notVisible = new CliError(`no negotiation ${values.negotiation} visible to ${values.as}`, 1);
    const negotiationId = NegotiationIdSchema.safeParse(values.negotiation);
    if (!negotiationId.success) throw notVisible;
    const negotiation = await getNegotiationForViewer(deps, viewer, negotiationId.data).catch(
      (error: unknown) => {
        throw error instanceof DomainError ? notVisible : error;
      },
    );
    const close = async () => {
      // The change's event is logged after the change commits: let it land before the database closes.
      await deps.events.settled();
      await handle.close();
    };
    return { deps, viewer, negotiationId: negotiation.id, close };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
