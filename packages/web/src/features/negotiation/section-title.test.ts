import { describe, expect, test } from 'vitest';
import { sectionTitle } from './section-title';

describe('sectionTitle', () => {
  test.each([
    ['/n/abc', 'Overview'],
    ['/n/abc/', 'Overview'],
    ['/n/abc/plan', 'Plan'],
    ['/n/abc/plan/document', 'Plan as a document'],
    ['/n/abc/points/p1', 'Point'],
    ['/n/abc/leaks', 'Trace a leak'],
    // Pages whose own title the negotiation's layout wrote over (an accessibility audit).
    ['/n/abc/deadlines', 'Deadlines'],
    ['/n/abc/issues', 'Issues'],
    ['/n/abc/preferences', 'Our preferences'],
    ['/n/abc/packages', 'Suggested packages'],
  ])('%s is %s', (path, title) => {
    expect(sectionTitle(path)).toBe(title);
  });

  test('an unknown section has no name of its own', () => {
    expect(sectionTitle('/n/abc/nowhere')).toBeUndefined();
  });
});
