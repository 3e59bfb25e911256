import { main } from '../../src/cli/main';

export type CliRun = { code: number; out: string; err: string };

/** `parley ARGV…` in this process, as a terminal-less caller sees it: exit code and both outputs. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
    isTty: false,
  });
  return { code, out, err };
}
