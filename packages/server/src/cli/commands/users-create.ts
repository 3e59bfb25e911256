import { CreateUserInputSchema, DomainError } from '@parley/core';
import { createUser } from '../../services/accounts';
import { createDeps } from '../../services/deps';
import { CliError, type Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, withDatabase } from '../database-flags';
import { parseFlags } from '../parse-flags';

export const usersCreateCommand: Command = {
  name: 'users create',
  summary: 'Create an account',
  help: [
    'Usage: parley users create --email EMAIL --name "DISPLAY NAME" --password PASSWORD [--admin] [--data DIR | --database-url URL]',
    '',
    'The password may also come from the environment variable PARLEY_PASSWORD, so it stays out of shell history.',
    '',
    'Options:',
    '  --email EMAIL         the sign-in address',
    '  --name NAME           the name other participants see',
    '  --password PASSWORD   at least the length the API requires',
    '  --admin               an administrator of this server (sign-up and negotiation settings)',
    DATABASE_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(
      args,
      {
        ...DATABASE_OPTIONS,
        email: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        admin: { type: 'boolean' },
      },
      false,
    );
    const parsed = CreateUserInputSchema.safeParse({
      email: values.email,
      displayName: values.name,
      password: values.password ?? process.env.PARLEY_PASSWORD,
    });
    if (!parsed.success) {
      const flagOf: Record<string, string> = {
        email: '--email',
        displayName: '--name',
        password: '--password',
      };
      throw new CliError(
        parsed.error.issues
          .map((issue) => `${flagOf[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`)
          .join('; '),
      );
    }
    const user = await withDatabase(values, (handle) =>
      createUser(createDeps(handle.db), { ...parsed.data, isAdmin: values.admin === true }).catch(
        (error: unknown) => {
          throw error instanceof DomainError ? new CliError(error.message, 1) : error;
        },
      ),
    );
    io.out(`created ${values.admin === true ? 'administrator' : 'account'} ${user.email} (${user.id})`);
    return 0;
  },
};
