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
  ])('%s is %s', (path, title) => {
    expect(sectionTitle(path)).toBe(title);
  });

  test('an unknown section has no name of its own', () => {
    expect(sectionTitle('/n/abc/nowhere')).toBeUndefined();
  });
});
