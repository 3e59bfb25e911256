import { DomainError, ProblemSchema } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { toProblem } from './problem';

describe('toProblem', () => {
  it('maps a PostgreSQL data exception (SQLSTATE class 22) to 400, never 500', () => {
    const error = Object.assign(new Error('invalid byte sequence'), { code: '22021' });
    expect(toProblem(error, '/api/x').problem.status).toBe(400);
  });

  it('keeps other database errors a bare 500 with no detail', () => {
    const error = Object.assign(new Error('connection lost'), { code: '08006' });
    expect(toProblem(error, '/api/x').problem).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      instance: '/api/x',
    });
  });

  it('adds Retry-After for too-many-attempts', () => {
    const shaped = toProblem(
      new DomainError('too-many-attempts', 'Slow down.', { retryAfterSeconds: 42 }),
      '/api/auth/login',
    );
    expect(shaped.problem.status).toBe(429);
    expect(shaped.headers['retry-after']).toBe('42');
  });

  it('lists each field of a domain error with several, by path, message and point alone', () => {
    const fieldErrors = [
      { path: 'reservation', message: 'The reservation must be between 0 and 100.', code: 'out-of-scale' },
      { path: 'issues.1.weight', message: 'Point 2 needs a weight.', code: 'missing-weight', pointId: 'p2' },
    ];
    const shaped = toProblem(
      new DomainError('invalid-input', 'The reservation must be between 0 and 100. Point 2 needs a weight.', {
        fieldErrors,
      }),
      '/api/x',
    );
    expect(shaped.problem).toMatchObject({
      status: 400,
      detail: 'The reservation must be between 0 and 100. Point 2 needs a weight.',
      errors: [
        { path: 'reservation', message: 'The reservation must be between 0 and 100.' },
        { path: 'issues.1.weight', message: 'Point 2 needs a weight.', pointId: 'p2' },
      ],
    });
    expect(shaped.problem.errors?.[0]).not.toHaveProperty('pointId');
    expect(ProblemSchema.safeParse(shaped.problem).success).toBe(true);
  });
});
