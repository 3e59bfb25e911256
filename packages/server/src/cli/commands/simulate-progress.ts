import type { CliIo } from '../command';

const MIN_ITEMS_FOR_PROGRESS = 50;

/**
 * A progress callback for long runs, always on stderr so `--json` stdout stays clean: a redrawn
 * bar when stderr is a terminal, otherwise a plain line every 10 %.
 */
export function createProgress(
  io: CliIo,
  unit: string,
  knownTotal?: number,
): (done: number, total?: number) => void {
  const terminal = io.isTty && process.stderr.isTTY;
  let lastTenth = -1;
  return (done, total = knownTotal ?? done) => {
    if (total < MIN_ITEMS_FOR_PROGRESS) return;
    if (terminal) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${unit}${done === total ? '\n' : ''}`,
      );
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    io.err(`progress: ${done}/${total} ${unit}`);
  };
}
