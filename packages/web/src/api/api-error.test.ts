import { describe, expect, test } from 'vitest';
import {
  ApiError,
  describeProblem,
  errorMessage,
  fieldLabel,
  parseProblem,
  readableFieldMessage,
} from './api-error';

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

  test('invalid input is said in words, then each field not shown beside its field', () => {
    const problem = parseProblem({
      type: '/problems/invalid-input',
      title: 'Invalid request',
      status: 400,
      detail: 'Invalid title, mediatorPartyName',
      errors: [
        { path: 'title', message: 'Too small: expected string to have >=1 characters' },
        { path: 'mediatorPartyName', message: 'Too small: expected string to have >=1 characters' },
      ],
    });
    // The server's summary names the fields as the code does; a person reads the form's words.
    expect(describeProblem(400, problem)).toBe(
      'Some fields need correcting — Title: Required.; Mediator party name: Required.',
    );
    const error = new ApiError(400, problem);
    expect(errorMessage(error, (field) => field === 'title')).toBe(
      'Some fields need correcting — Mediator party name: Required.',
    );
    expect(errorMessage(error, () => true)).toBe('Some fields need correcting: see the note beside each.');
    expect(error.fieldMessage('title')).toBe('Required.');
  });

  test('a domain error about a field says its message once', () => {
    const problem = parseProblem({
      type: '/problems/invalid-input',
      title: 'Invalid request',
      status: 400,
      detail: 'The round ends before it starts.',
      errors: [{ path: 'endsOn', message: 'The round ends before it starts.' }],
    });
    expect(describeProblem(400, problem)).toBe('The round ends before it starts.');
  });

  // The walk-through found "The due date is in the past…" said beside the field and again above.
  test('a domain error shown beside its field is not repeated in the banner', () => {
    const problem = parseProblem({
      type: '/problems/invalid-input',
      title: 'Invalid request',
      status: 400,
      detail: 'The due date is in the past: 2020-01-01 is before today (2026-03-01).',
      errors: [
        { path: 'dueDate', message: 'The due date is in the past: 2020-01-01 is before today (2026-03-01).' },
      ],
    });
    const error = new ApiError(400, problem);
    expect(errorMessage(error, (field) => field === 'dueDate')).toBe(
      'A field needs correcting: see the note beside it.',
    );
    expect(errorMessage(error, (field) => field === 'title')).toBe(problem?.detail);
  });

  test('a conflict about a field shown beside it is not repeated either', () => {
    const message = 'This person already has a seat in this negotiation.';
    const problem = parseProblem({
      type: '/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: message,
      errors: [{ path: 'email', message }],
    });
    expect(describeProblem(409, problem, (field) => field === 'email')).toBe(
      'A field needs correcting: see the note beside it.',
    );
  });

  test('a nested field is named by its own name, in words', () => {
    const problem = parseProblem({
      type: '/problems/invalid-input',
      title: 'Invalid request',
      status: 400,
      detail: 'Invalid definition.max, partiesPresent.0',
      errors: [
        { path: 'definition.max', message: 'Must be above the minimum' },
        { path: 'partiesPresent.0', message: 'Invalid input' },
      ],
    });
    expect(describeProblem(400, problem)).toBe(
      'Some fields need correcting — Maximum: Must be above the minimum; Parties present: Invalid input',
    );
  });

  test('a problem without detail says its title', () => {
    const problem = parseProblem({ type: '/problems/not-found', title: 'Not found', status: 404 });
    expect(describeProblem(404, problem)).toBe('Not found');
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

describe('fieldLabel', () => {
  test('reads a name in code as words', () => {
    expect(fieldLabel('mediatorPartyName')).toBe('Mediator party name');
    expect(fieldLabel('deadline.dueAt')).toBe('Due at');
    expect(fieldLabel('definition.min')).toBe('Minimum');
    expect(fieldLabel('(body)')).toBe('(body)');
  });
});

describe('readableFieldMessage', () => {
  test('zod length messages become the words a form uses', () => {
    expect(readableFieldMessage('Too small: expected string to have >=1 characters')).toBe('Required.');
    expect(readableFieldMessage('Too small: expected string to have >=8 characters')).toBe(
      'At least 8 characters.',
    );
    expect(readableFieldMessage('Too small: expected string to have >2 characters')).toBe(
      'At least 3 characters.',
    );
    expect(readableFieldMessage('Too big: expected string to have <=200 characters')).toBe(
      'At most 200 characters.',
    );
  });

  test('zod list and number messages become words too', () => {
    expect(readableFieldMessage('Too small: expected array to have >=2 items')).toBe('At least 2 entries.');
    expect(readableFieldMessage('Too big: expected array to have <=20 items')).toBe('At most 20 entries.');
    expect(readableFieldMessage('Too small: expected number to be >0')).toBe('Must be above 0.');
    expect(readableFieldMessage('Too small: expected number to be >=1')).toBe('At least 1.');
    expect(readableFieldMessage('Too big: expected number to be <=5000')).toBe('At most 5000.');
    expect(readableFieldMessage('Invalid input: expected number, received null')).toBe('Required: a number.');
  });

  test('an empty field reads "Required." whether it was empty, blank or an empty list', () => {
    expect(readableFieldMessage('Must not be blank')).toBe('Required.');
    expect(readableFieldMessage('Too small: expected array to have >=1 items')).toBe('Required.');
    expect(readableFieldMessage('Too small: expected array to have >0 items')).toBe('Required.');
  });

  test("the server's own messages pass through unchanged", () => {
    expect(readableFieldMessage('This person already has a seat in this negotiation.')).toBe(
      'This person already has a seat in this negotiation.',
    );
  });
});
