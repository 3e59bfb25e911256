import { describe, expect, it } from 'vitest';
import { withWritten } from './with-written';

type Entry = { id: string; revision: number; value: string };
const entry = (id: string, revision: number, value = `${id}@${revision}`): Entry => ({ id, revision, value });
const sameId = (left: Entry, right: Entry) => left.id === right.id;

describe('withWritten', () => {
  it('shows a save just made over the older copy last read', () => {
    expect(withWritten([entry('a', 1), entry('b', 1)], [entry('b', 2)], sameId)).toEqual([
      entry('a', 1),
      entry('b', 2),
    ]);
  });

  it('adds an entry just made, after those read', () => {
    expect(withWritten([entry('a', 1)], [entry('b', 1)], sameId)).toEqual([entry('a', 1), entry('b', 1)]);
  });

  it('keeps the read copy once it has caught up with the save', () => {
    const read = [entry('a', 2, 'as read')];
    expect(withWritten(read, [entry('a', 2, 'as saved')], sameId)).toEqual(read);
  });

  it('keeps a read copy someone changed after the save', () => {
    const read = [entry('a', 3, 'changed since')];
    expect(withWritten(read, [entry('a', 2)], sameId)).toEqual(read);
  });
});
