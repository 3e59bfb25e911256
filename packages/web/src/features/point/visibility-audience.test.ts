import { describe, expect, test } from 'vitest';
import { visibilityAudience } from './visibility-audience';

describe('visibilityAudience', () => {
  test('names who may read a position, as the form that set it does', () => {
    expect(visibilityAudience('private', 'Greens')).toBe('only the delegation of Greens');
    expect(visibilityAudience('mediator', 'Liberals')).toBe('the delegation of Liberals and the mediator');
    expect(visibilityAudience('parties', 'Greens')).toBe('the mediator and every party');
  });
});
