// Writes a generated pair of plan files, to time `parley plan diff` on it:
//   node packages/server/bin/run-ts.js bench/plan/write-lineage-pair.ts shared-words 1000 DIR [SEED]
// `shared-words` is the worst case (shared-words-pair.ts); `revision` is ordinary text
// (infer-lineage.ts), its new side cut to COUNT points to stay within the command's limit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { revisionPair } from './infer-lineage';
import { planMarkdown, sharedWordsPair } from './shared-words-pair';

const [kind = 'shared-words', count = '150', folder = '/tmp/lineage-pair', seed = '1'] =
  process.argv.slice(2);
const make = kind === 'revision' ? revisionPair : sharedWordsPair;
const { before, after } = make(Number(count), Number(seed));
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'old.md'), planMarkdown(`${kind}, old`, before));
writeFileSync(join(folder, 'new.md'), planMarkdown(`${kind}, new`, after.slice(0, Number(count))));
console.log(`${before.length} × ${Math.min(after.length, Number(count))} points in ${folder}`);
