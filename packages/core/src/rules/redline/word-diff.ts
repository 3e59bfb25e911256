import { diffArrays, diffWords } from 'diff';

/** A run of text that both sides share, or that the newer side inserted or deleted. */
export type DiffPart = { readonly op: 'equal' | 'insert' | 'delete'; readonly text: string };

/**
 * Word-level diff in two passes, as `git diff --word-diff` does with lines: clauses are aligned
 * first, then only changed clauses are diffed word by word with jsdiff `diffWords` (which groups a
 * run of changed words into one deletion and one insertion). Diffing clause by clause keeps the
 * cost proportional to what changed: a whole-text word diff is O(length × edits).
 * Non-deleted parts re-assemble the new text exactly; the old text re-assembles up to whitespace.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed !== '' && added !== '') parts.push(...diffWords(removed, added).map(toPart));
    else if (removed !== '') parts.push({ op: 'delete', text: removed });
    else if (added !== '') parts.push({ op: 'insert', text: added });
    removed = '';
    added = '';
  };
  for (const change of diffArrays(clauses(before), clauses(after))) {
    const text = change.value.join('');
    if (change.removed) removed += text;
    else if (change.added) added += text;
    else {
      flush();
      parts.push({ op: 'equal', text });
    }
  }
  flush();
  return coalesce(parts);
}

// A clause ends after . ; : , ! or ? and the whitespace that follows, or at a line break.
function clauses(text: string): string[] {
  return text.match(/[^.;:,!?\n]*(?:[.;:,!?]+|\n|$)\s*/g)?.filter((clause) => clause !== '') ?? [];
}

function toPart(change: { added: boolean; removed: boolean; value: string }): DiffPart {
  return { op: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value };
}

function coalesce(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && last.op === part.op)
      out[out.length - 1] = { op: part.op, text: last.text + part.text };
    else if (part.text !== '') out.push(part);
  }
  return out;
}
