import { NegotiationIdSchema, traceExports, type TraceResult } from '@parley/core';
import {
  databaseExportRegistry,
  ExtractTextError,
  extractText,
  fileExportRegistry,
  MAX_LEAKED_FILE_TEXT,
  traceInputs,
  traceReport,
  type RecordedExport,
} from '../../exports';
import { CliError, type CliIo, type Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, withDatabase } from '../database-flags';
import { parseFlags } from '../parse-flags';

async function readExcerpt(file: string): Promise<string> {
  let text: string;
  try {
    text = await extractText(file);
  } catch (error) {
    if (error instanceof ExtractTextError) throw new CliError(error.message, 1);
    throw error;
  }
  // The server's cap: a 30 MB text was traced for minutes and answered as if it were a leak.
  if (text.length > MAX_LEAKED_FILE_TEXT)
    throw new CliError(
      `${file}: its text is ${text.length} characters long; a trace reads at most ${MAX_LEAKED_FILE_TEXT}. Trace the leaked passage instead.`,
      1,
    );
  return text;
}

function printResult(io: CliIo, result: TraceResult, total: number): void {
  io.out(
    result.verdict.kind !== 'identified'
      ? `Undecided: ${result.verdict.reason}`
      : result.verdict.basis === 'collusion'
        ? `Most likely recipient (collusion analysis: the text mixes copies, and this one went into it): ${result.verdict.recipientId}`
        : `Most likely recipient: ${result.verdict.recipientId}`,
  );
  io.out(
    `  ${result.marksRead} fingerprint marks read (${result.choicesRead} distinct choices); ${total} recorded exports compared`,
  );
  for (const score of result.ranking.slice(0, 5)) {
    io.out(
      `  ${score.recipientId}: log-likelihood ratio ${score.logLikelihoodRatio.toFixed(1)}, posterior ${score.posterior.toFixed(4)}, marks ${score.matched}/${score.matched + score.mismatched} matched`,
    );
  }
}

export const traceLeakCommand: Command = {
  name: 'trace-leak',
  summary: 'Name the most likely recipients of a leaked excerpt of a fingerprinted export',
  help: `Usage: parley trace-leak FILE [--negotiation ID] [--data DIR | --database-url URL] [--json]
       parley trace-leak FILE --registry EXPORTS.json [--json]

FILE is the leaked excerpt: .txt, .md, .docx or .pdf (a PDF needs a text layer).
The excerpt is compared with every fingerprinted export recorded in the database
(only those of --negotiation when given), or with the exports listed in a JSON file
({"exports":[{exportId, recipient, key, points, scheme?}]}; scheme is the mark
scheme the copy was made with, 1 when absent). Prints the ranking with
log-likelihood ratios and the matched marks, or "undecided" when the excerpt carries
too little evidence to name anyone. An empty, unreadable or corrupt FILE is one line
on stderr and exit code 1 (a mistyped command line: exit code 2).

Options:
  --negotiation ID      only this negotiation's exports
${DATABASE_HELP}
  --registry FILE       read the exports from a JSON file instead of the database
  --json                print the result as JSON: the verdict and each ranked copy give
                        exportId, recipientId (the recipient's user id; a registry file's
                        recipient) and recipient (the display name)

Examples:
  parley trace-leak leaked.pdf --negotiation 00000000-0000-4000-8000-000000000d01
  parley trace-leak leaked.txt --registry exports.json`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      ...DATABASE_OPTIONS,
      negotiation: { type: 'string' },
      registry: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [file, extra] = positionals;
    if (file === undefined || extra !== undefined) throw new CliError('expected one FILE');
    if (values.negotiation !== undefined && !NegotiationIdSchema.safeParse(values.negotiation).success)
      throw new CliError(`--negotiation must be a negotiation id, got "${values.negotiation}"`);
    const excerpt = await readExcerpt(file);
    let exports: readonly RecordedExport[];
    if (values.registry !== undefined) {
      const registry = values.registry;
      exports = await fileExportRegistry(registry)
        .listExports()
        .catch(() => {
          throw new CliError(`cannot read the export registry ${registry}`, 1);
        });
    } else {
      exports = await withDatabase(values, (handle) =>
        databaseExportRegistry(handle.db, values.negotiation).listExports(),
      );
    }
    if (exports.length === 0)
      throw new CliError(
        `no fingerprinted exports recorded${values.negotiation === undefined ? '' : ` for negotiation ${values.negotiation}`}`,
        1,
      );
    const result = traceExports({ excerpt, exports: traceInputs(exports) });
    if (values.json === true) io.out(JSON.stringify(traceReport(result, exports)));
    else printResult(io, result, exports.length);
    return 0;
  },
};
