import { issueOptions, type LiveIssue } from '@parley/core';
import type { Issue } from './live-analysis';

/** The issues an analysis works on: defined and not waiting for the mediator to reconcile them. */
export function analysedIssues(all: readonly LiveIssue[]): Issue[] {
  return all.flatMap((issue) =>
    issue.definition === null || issue.needsReconciling
      ? []
      : [{ ...issue, definition: issue.definition, options: issueOptions(issue.definition) }],
  );
}
