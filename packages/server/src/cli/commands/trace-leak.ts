import { traceLeak } from '@parley/core';
import { fileExportRegistry, traceInputs } from '../../exports/export-registry';
import { ExtractTextError, extractText } from '../../exports/extract-text';
import { CliError, type Command } from '../command';
import { parseFlags } from '../parse-flags';

export const traceLeakCommand: Command = {
  name: 'trace-leak',
  summary: 'Name the most likely recipients of a leaked excerpt of a fingerprinted export',
  help: `Usage: parley trace-leak FILE --registry EXPORTS.json [--json]

FILE is the leaked excerpt: .txt, .md or .docx. EXPORTS.json lists past exports with their
recipients and fingerprint keys ({"exports":[{exportId, recipient, key, points}]}).
Prints the ranking with log-likelihood ratios and the matched marks, or "undecided" when
the excerpt carries too little evidence to name anyone.

Example:
  parley trace-leak leaked.txt --registry exports.json`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { registry: { type: 'string' }, json: { type: 'boolean' } });
    const [file, extra] = positionals;
    if (file === undefined || extra !== undefined) throw new CliError('expected one FILE');
    if (values.registry === undefined) throw new CliError('--registry EXPORTS.json is required until exports are stored');
    let excerpt: string;
    try {
      excerpt = await extractText(file);
    } catch (error) {
      if (error instanceof ExtractTextError) throw new CliError(error.message);
      throw error;
    }
    const exports = await fileExportRegistry(values.registry).listExports().catch(() => {
      throw new CliError(`cannot read the export registry ${values.registry}`);
    });
    const result = traceLeak({ excerpt, ...traceInputs(exports) });
    if (values.json === true) {
      io.out(JSON.stringify(result));
      return 0;
    }
    io.out(result.verdict.kind === 'identified' ? `Most likely recipient: ${result.verdict.recipientId}` : `Undecided: ${result.verdict.reason}`);
    for (const score of result.ranking.slice(0, 5)) {
      io.out(`  ${score.recipientId}: log-likelihood ratio ${score.logLikelihoodRatio.toFixed(1)}, posterior ${score.posterior.toFixed(4)}, marks ${score.matched}/${score.matched + score.mismatched} matched`);
    }
    return 0;
  },
};
