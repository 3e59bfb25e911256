import { PlanVersionIdSchema, type PlanVersionId } from '@parley/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { readId } from '../../api/read-id';
import { useNegotiation } from '../negotiation/negotiation-context';

type VersionSummary = { readonly id: PlanVersionId; readonly label: string };

/**
 * The version a draft or a revised text is made from: `?from=`, else the newest version when the
 * page opened. Pinned, because the newest moves when someone else saves one, and a page that
 * followed it would throw away the work in progress (the editor starts afresh for a new parent).
 * `newer` is a version saved since the page opened, if any, for NewerVersionNotice.
 */
export function usePinnedParent(): { fromId: PlanVersionId | undefined; newer: VersionSummary | undefined } {
  const { latestVersionId, plan } = useNegotiation();
  const [params] = useSearchParams();
  const asked = readId(PlanVersionIdSchema, params.get('from'));
  const [latestWhenOpened] = useState(latestVersionId);
  const fromId = asked ?? latestWhenOpened ?? latestVersionId;
  // Only a version saved since the page opened: drafting from an older one on purpose is no news.
  const newer =
    latestVersionId !== undefined && latestVersionId !== latestWhenOpened && latestVersionId !== fromId
      ? plan.versions.find((version) => version.id === latestVersionId)
      : undefined;
  return { fromId, newer };
}

/** Says that a version was saved meanwhile, and offers to start again from it (the work here stays until then). */
export function NewerVersionNotice({ newer, parentLabel }: { newer: VersionSummary; parentLabel: string }) {
  return (
    <p className="warning" role="status">
      “{newer.label}” was saved meanwhile. This work is still made from “{parentLabel}”; saving it asks you to
      confirm on top of the newer version.{' '}
      <Link to={`?from=${encodeURIComponent(newer.id)}`}>Start again from “{newer.label}”</Link>
    </p>
  );
}
