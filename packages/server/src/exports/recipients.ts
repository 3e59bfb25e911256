import { createHash } from 'node:crypto';
import type { Member, UserId } from '@parley/core';
import type { Database } from '../storage/database';
import type { StoredExport } from '../storage/exports';
import { planVersionRevisions } from '../storage/plan-versions';
import { FILE_TYPES } from './render/file-types';

export type Recipient = { userId: UserId; displayName: string };

/** A member's most recent name in this negotiation (a user may have held several seats). */
export function recipientOf(members: readonly Member[], userId: string): Recipient | undefined {
  const member = members.filter((candidate) => candidate.userId === userId).at(-1);
  return member === undefined ? undefined : { userId: member.userId, displayName: member.displayName };
}

/** Names the key in the audit log without revealing it (the key itself lets anyone forge a copy). */
export const fingerprintKeyId = (key: string) =>
  `sha256:${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16)}`;

/** Each version's revision number (1 for the first), for the copies' file names. */
export type VersionNumbers = ReadonlyMap<string, number>;

/**
 * The numbers of the versions the copies' redlines compare against, the one kind of copy whose
 * name needs one: a single narrow read, whatever the number of versions or copies.
 */
export async function versionNumbersFor(
  db: Database,
  input: { negotiationId: string; copies: readonly Pick<StoredExport, 'compareToVersionId'>[] },
): Promise<VersionNumbers> {
  const compared = input.copies.flatMap((copy) =>
    copy.compareToVersionId === null ? [] : [copy.compareToVersionId],
  );
  return planVersionRevisions(db, input.negotiationId, compared);
}

/**
 * A copy's file name. A redline says so, and against which version: a version's copy and its
 * redline, downloaded together, would otherwise be told apart by the random id alone.
 */
export function fileNameOf(
  recorded: Pick<StoredExport, 'id' | 'kind' | 'format' | 'compareToVersionId'>,
  versionNumbers: VersionNumbers,
): string {
  const compared = recorded.compareToVersionId;
  const number = compared === null ? undefined : versionNumbers.get(compared);
  const redline =
    compared === null ? '' : number === undefined ? '-redline' : `-redline-against-version-${number}`;
  return `parley-${recorded.kind}${redline}-${recorded.id.slice(0, 8)}.${FILE_TYPES[recorded.format].extension}`;
}
