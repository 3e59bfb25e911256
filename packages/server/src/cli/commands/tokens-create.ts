import { DomainError } from '@parley/core';
import { createApiTokenForEmail } from '../../services/accounts';
import { createDeps } from '../../services/deps';
import { CliError, type Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, withDatabase } from '../database-flags';
import { parseFlags } from '../parse-flags';

export const tokensCreateCommand: Command = {
  name: 'tokens create',
  summary: 'Create a bearer API token for an account (printed once)',
  help: [
    'Usage: parley tokens create --email EMAIL [--label LABEL] [--data DIR | --database-url URL]',
    '',
    'Prints the token once; only its hash is stored. Send it as `Authorization: Bearer <token>`.',
    '',
    'Options:',
    '  --email EMAIL         the account the token acts as',
    '  --label LABEL         what the token is for (default "cli")',
    DATABASE_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(
      args,
      { ...DATABASE_OPTIONS, email: { type: 'string' }, label: { type: 'string' } },
      false,
    );
    if (values.email === undefined) throw new CliError('--email is required');
    const label = values.label ?? 'cli';
    const created = await withDatabase(values, (handle) =>
      createApiTokenForEmail(createDeps(handle.db), { email: values.email ?? '', label }).catch(
        (error: unknown) => {
          throw error instanceof DomainError ? new CliError(error.message, 1) : error;
        },
      ),
    );
    io.out(created.token);
    io.err(`token "${label}" created for ${values.email}; it is shown only this once.`);
    return 0;
  },
};
