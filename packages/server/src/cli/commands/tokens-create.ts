import { API_TOKEN_MAX_DAYS, DomainError } from '@parley/core';
import { createApiTokenForEmail } from '../../services/api-tokens';
import { createDeps } from '../../services/deps';
import { CliError, type Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, withDatabase } from '../database-flags';
import { parseFlags } from '../parse-flags';

export const tokensCreateCommand: Command = {
  name: 'tokens create',
  summary: 'Create a bearer API token for an account (printed once)',
  help: [
    'Usage: parley tokens create --email EMAIL [--label LABEL] [--days N] [--data DIR | --database-url URL]',
    '',
    'Prints the token once; only its hash is stored. Send it as `Authorization: Bearer <token>`.',
    'It stops working after --days days (default 90, at most 365); its owner can list and revoke',
    'it in the web app (Settings) or with GET and DELETE /api/tokens.',
    '',
    'Options:',
    '  --email EMAIL         the account the token acts as',
    '  --label LABEL         what the token is for (default "cli")',
    `  --days N              days until it expires (1–${API_TOKEN_MAX_DAYS}, default 90)`,
    DATABASE_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(
      args,
      { ...DATABASE_OPTIONS, email: { type: 'string' }, label: { type: 'string' }, days: { type: 'string' } },
      false,
    );
    if (values.email === undefined) throw new CliError('--email is required');
    const label = values.label ?? 'cli';
    const expiresInDays = values.days === undefined ? undefined : Number(values.days);
    if (
      expiresInDays !== undefined &&
      !(Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= API_TOKEN_MAX_DAYS)
    )
      throw new CliError(`--days must be a whole number from 1 to ${API_TOKEN_MAX_DAYS}`);
    const created = await withDatabase(values, (handle) =>
      createApiTokenForEmail(createDeps(handle.db), {
        email: values.email ?? '',
        label,
        expiresInDays,
      }).catch((error: unknown) => {
        throw error instanceof DomainError ? new CliError(error.message, 1) : error;
      }),
    );
    io.out(created.token);
    io.err(
      `token "${label}" created for ${values.email}, expires ${created.expiresAt}; it is shown only this once.`,
    );
    return 0;
  },
};
