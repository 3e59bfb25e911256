import { describe, expect, test } from 'vitest';
import { ApiError, describeProblem, parseProblem } from './api-error';

describe('describeProblem', () => {
  test('a conflict says someone changed it and to reload, with the server detail', () => {
    const problem = parseProblem({
      type: '/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'current revision is 4',
    });
    const error = new ApiError(409, problem);
    expect(error.isConflict).toBe(true);
    expect(error.message).toBe(
      'Someone changed this in the meantime — reload to see the current version. (current revision is 4)',
    );
  });

  test('a conflict about a field other than the revision says what the server said', () => {
    const problem = parseProblem({
      type: '/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'This person already has a seat in this negotiation.',
      errors: [{ path: 'email', message: 'This person already has a seat in this negotiation.' }],
    });
    const error = new ApiError(409, problem);
    expect(error.message).toBe('This person already has a seat in this negotiation.');
    expect(error.fieldMessage('email')).toBe('This person already has a seat in this negotiation.');
    expect(error.fieldMessage('title')).toBeUndefined();
    const stale = parseProblem({ ...problem, errors: [{ path: 'baseRevision', message: 'stale' }] });
    expect(new ApiError(409, stale).message).toMatch(/^Someone changed this in the meantime/);
  });

  test('invalid input names each field', () => {
    const problem = parseProblem({
      type: '/problems/invalid-input',
      title: 'Invalid request',
      status: 400,
      detail: 'Invalid note',
      errors: [{ path: 'note', message: 'Too big' }],
    });
    expect(describeProblem(400, problem)).toBe('Invalid request — Invalid note — note: Too big');
  });

  test('401: a lost session asks to sign in again; wrong credentials keep the server wording', () => {
    expect(
      describeProblem(
        401,
        parseProblem({ type: '/problems/unauthenticated', title: 'Not signed in', status: 401 }),
      ),
    ).toBe('Your session has ended. Please sign in again.');
    expect(
      describeProblem(
        401,
        parseProblem({
          type: '/problems/invalid-credentials',
          title: 'Wrong email or password',
          status: 401,
        }),
      ),
    ).toBe('Wrong email or password');
  });

  test('a body that is not a problem still gives a readable sentence', () => {
    expect(parseProblem('<html>')).toBeUndefined();
    expect(describeProblem(502, undefined)).toBe('The server answered 502.');
  });
});
