import { createHash } from 'node:crypto';
import type { Member, UserId } from '@parley/core';
import type { StoredExport } from '../storage/exports';
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

export const fileNameOf = (recorded: Pick<StoredExport, 'id' | 'kind' | 'format'>) =>
  `parley-${recorded.kind}-${recorded.id.slice(0, 8)}.${FILE_TYPES[recorded.format].extension}`;
