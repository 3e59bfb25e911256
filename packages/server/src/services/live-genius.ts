import { can, type Negotiation, type Viewer, type PlanVersionId } from '@parley/core';
import { writeGeniusScenario, type Scenario } from '@parley/engine';
import { listLatestProfiles } from '../storage/preference-profiles';
import { listParties } from '../storage/parties';
import type { AppDeps } from './deps';
import { zipFolder } from './genius-archive';
import { countable, scenarioOf } from './live-analysis';
import { analysedIssues } from './live-issue-space';
import { issuesAt } from './live-issues';
import { auditProfileRead, profileResource } from './preference-profiles';
import { assertAllowed } from './viewer';

type Input = { negotiation: Negotiation; versionId: PlanVersionId };

const negotiationResource = (negotiation: Negotiation) => ({
  kind: 'negotiation' as const,
  negotiationId: negotiation.id,
});

/** A party's profile file name: in analysis order (the reader orders profiles by file name). */
function profileName(index: number, partyName: string): string {
  const slug = partyName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ._-]+/g, '-')
    .trim()
    .slice(0, 60);
  return `profile-${String(index + 1).padStart(2, '0')}${slug === '' ? '' : ` ${slug}`}`;
}

/**
 * The live issues of a version and the profiles the viewer may read (`profile.read`: its own
 * delegation's; the mediator's party, those shared with it) as a GENIUS folder in a zip. The
 * numbers are the live analysis's exactly (NegMAS semantics: `parley analyze --semantics negmas`
 * gives the same frontier and packages). Each profile in it is audited as a read.
 */
export async function exportLiveGenius(
  deps: AppDeps,
  viewer: Viewer,
  input: Input,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { negotiation, versionId } = input;
  const issues = analysedIssues(await issuesAt(deps, viewer, input));
  assertAllowed(can(viewer, 'issue.read', negotiationResource(negotiation)), 'read the issues');
  const [profiles, parties] = await Promise.all([
    listLatestProfiles(deps.db, { negotiationId: negotiation.id, sealKey: deps.sealKey }),
    listParties(deps.db, negotiation.id),
  ]);
  const counted = profiles.flatMap((profile) => {
    if (!can(viewer, 'profile.read', profileResource(negotiation, profile))) return [];
    const entry = countable(profile, issues);
    return entry === undefined ? [] : [entry];
  });
  const live = scenarioOf(issues, counted);
  const partyName = (partyId: string) => parties.find((party) => party.id === partyId)?.name ?? '';
  const scenario: Scenario = {
    ...live,
    name: `Parley live issues ${versionId}`,
    issues: live.issues.map((issue, index) => ({ ...issue, name: issueName(issues[index]) })),
    parties: live.parties.map((party, index) => ({
      ...party,
      name: profileName(index, partyName(party.name)),
    })),
  };
  const written = writeGeniusScenario(scenario);
  if (!written.ok)
    throw new Error(`GENIUS writer refused the live scenario: ${JSON.stringify(written.problems)}`);
  const mapping = {
    format: 'parley-genius-mapping',
    negotiationId: negotiation.id,
    versionId,
    semantics: 'negmas',
    issues: issues.map((issue) => ({
      name: issueName(issue),
      pointId: issue.pointId,
      number: issue.number,
      title: issue.title,
    })),
    profiles: counted.map((entry, index) => ({
      file: `${scenario.parties[index]?.name ?? ''}.xml`,
      partyId: entry.profile.partyId,
      partyName: partyName(entry.profile.partyId),
      revision: entry.profile.revision,
    })),
  };
  await Promise.all(
    counted.map(({ profile }) =>
      auditProfileRead(deps, viewer, { negotiation, profile, detail: { via: 'genius-export', versionId } }),
    ),
  );
  const folder = `parley-genius-${versionId.slice(0, 8)}`;
  const files = [
    ...written.value,
    { name: 'parley-mapping.json', contents: JSON.stringify(mapping, null, 2) },
  ];
  return { fileName: `${folder}.zip`, bytes: zipFolder(folder, files) };
}

/** The GENIUS issue name of a point: its number keeps names unique, its title keeps them readable. */
export function issueName(issue: { number: number; title: string } | undefined): string {
  return issue === undefined ? '' : `P${issue.number} ${issue.title}`;
}
