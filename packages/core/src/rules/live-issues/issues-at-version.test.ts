import { describe, expect, it } from 'vitest';
import type { IssueDefinition } from '../../schemas/live-issues';
import type { LineageEdge } from '../../schemas/plan';
import { pointId, pointIds, versionId, withLineage } from '../plan-fixture.test-data';
import { issuesAtVersion as issuesAtVersionOf } from './issues-at-version';

const point = (id: string, number: number) => ({ pointId: id, number, title: id, text: id, topic: null });
const edge = (toVersionId: string, kind: LineageEdge['kind'], from: string[], to: string[]): LineageEdge => ({
  fromVersionId: versionId('x'),
  toVersionId: versionId(toVersionId),
  kind,
  from: pointIds(...from),
  to: pointIds(...to),
  proposedBy: null,
  roundId: null,
  amendmentId: null,
});
const version = (id: string, parentId: string | null, ids: string[], edges: LineageEdge[] = []) =>
  withLineage({
    version: {
      id,
      negotiationId: '00000000-0000-4000-8000-00000000d001',
      parentId,
      label: id,
      points: ids.map((pid, i) => point(pid, i + 1)),
    },
    edges,
  });

const ceiling: IssueDefinition = { kind: 'options', options: ['600,000', '800,000', 'no ceiling'] };
const assets: IssueDefinition = { kind: 'range', min: 0, max: 100, step: 10, unit: 'bn' };

// v1: a b c → v2: a amended, b and c merged into m → v3: a split into a and d
const V1 = version('v1', null, ['a', 'b', 'c']);
const V2 = version(
  'v2',
  'v1',
  ['a', 'm'],
  [edge('v2', 'amend', ['a'], ['a']), edge('v2', 'merge', ['b', 'c'], ['m'])],
);
const V3 = version('v3', 'v2', ['a', 'd', 'm'], [edge('v3', 'split', ['a'], ['a', 'd'])]);
const BRANCH = version('w2', 'v1', ['a', 'b', 'c'], [edge('w2', 'amend', ['b'], ['b'])]);
const ALL = [V1, V2, V3, BRANCH];
type Assignment = { versionId: string; pointId: string; definition: IssueDefinition | null };
// Assignments and the version asked for in readable slugs, branded as the service's would be.
const issuesAtVersion = (versions: typeof ALL, assignments: Assignment[], id: string) =>
  issuesAtVersionOf(
    versions,
    assignments.map((entry) => ({
      ...entry,
      versionId: versionId(entry.versionId),
      pointId: pointId(entry.pointId),
    })),
    versionId(id),
  );
const byId = (issues: ReturnType<typeof issuesAtVersion>) =>
  Object.fromEntries((issues ?? []).map((issue) => [issue.pointId, issue]));

describe('issuesAtVersion', () => {
  const set: Assignment[] = [
    { versionId: 'v1', pointId: 'a', definition: ceiling },
    { versionId: 'v1', pointId: 'b', definition: assets },
  ];

  it('carries options through an amendment unflagged', () => {
    const issues = byId(issuesAtVersion(ALL, set, 'v2'));
    expect(issues.a).toMatchObject({ definition: ceiling, needsReconciling: false, from: ['a'] });
  });

  it('flags a merged point for reconciling with the options that flowed in', () => {
    const issues = byId(issuesAtVersion(ALL, set, 'v2'));
    expect(issues.m).toMatchObject({ definition: assets, needsReconciling: true, from: ['b'] });
  });

  it('flags both parts of a split, including the one that kept the id', () => {
    const issues = byId(issuesAtVersion(ALL, set, 'v3'));
    expect(issues.a?.needsReconciling).toBe(true);
    expect(issues.d).toMatchObject({ definition: ceiling, needsReconciling: true, from: ['a'] });
  });

  it('clears the flag once the mediator sets the options on the new version, for that point only', () => {
    const reconciled = [...set, { versionId: 'v3', pointId: 'a', definition: ceiling }];
    const issues = byId(issuesAtVersion(ALL, reconciled, 'v3'));
    expect(issues.a?.needsReconciling).toBe(false);
    expect(issues.d?.needsReconciling).toBe(true);
    const cleared = [...reconciled, { versionId: 'v3', pointId: 'd', definition: null }];
    expect(byId(issuesAtVersion(ALL, cleared, 'v3')).d).toMatchObject({
      definition: null,
      needsReconciling: false,
    });
  });

  it('ignores assignments made on another branch and answers null for an unknown version', () => {
    const onBranch = [{ versionId: 'w2', pointId: 'c', definition: ceiling }];
    expect(byId(issuesAtVersion(ALL, onBranch, 'v2')).m?.definition).toBeNull();
    expect(byId(issuesAtVersion(ALL, onBranch, 'w2')).c?.definition).toEqual(ceiling);
    expect(issuesAtVersion(ALL, set, 'nope')).toBeNull();
  });
});
