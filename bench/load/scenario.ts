// The realistic mix of issue #15: different parties reading the plan, positions, status and
// timeline of the demo negotiation, and 5 % writes (the mediator recording public statements).
import type { Request } from 'autocannon';

const NEGOTIATION = '00000000-0000-4000-8000-000000000d01';
const MEDIATOR_PARTY = '00000000-0000-4000-8000-000000000e01';
export const READERS = ['mediator', 'ukraine', 'russia', 'observer', 'analyst'] as const;

export type Session = { email: string; cookie: string; csrf: string };

export async function signIn(baseUrl: string, name: string): Promise<Session> {
  const email = `${name}@demo.parley`;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'parley-demo-2025' }),
  });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await (await fetch(`${baseUrl}/api/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  return { email, cookie, csrf: me.csrfToken };
}

export async function latestVersionId(baseUrl: string, session: Session): Promise<string> {
  const answer = await fetch(`${baseUrl}/api/negotiations/${NEGOTIATION}/plan`, {
    headers: { cookie: session.cookie },
  });
  const body = (await answer.json()) as { versions: { id: string }[] };
  const last = body.versions.at(-1);
  if (last === undefined) throw new Error('the demo has no plan version');
  return last.id;
}

export const readPaths = (versionId: string): string[] => {
  const version = `/api/negotiations/${NEGOTIATION}/plan/versions/${versionId}`;
  return [
    version,
    `${version}/positions`,
    `${version}/status`,
    `/api/negotiations/${NEGOTIATION}/plan/timeline`,
  ];
};

export function statementWrite(writer: Session): Request {
  return {
    method: 'POST',
    path: `/api/negotiations/${NEGOTIATION}/plan/statements`,
    headers: { cookie: writer.cookie, 'content-type': 'application/json', 'x-csrf-token': writer.csrf },
    body: JSON.stringify({
      person: 'Spokesperson',
      partyId: MEDIATOR_PARTY,
      date: '2025-11-30',
      source: 'load benchmark',
      quote: 'Talks continue.',
      pointIds: [],
    }),
  };
}

/** Per connection: 19 reads as one party, then one write as the mediator (only staff may write): 5 % writes. */
export function requestsFor(input: { reader: Session; writer: Session; versionId: string }): Request[] {
  const reads = readPaths(input.versionId);
  const requests: Request[] = [];
  for (let i = 0; i < 19; i += 1)
    requests.push({
      method: 'GET',
      path: reads[i % reads.length] ?? '/',
      headers: { cookie: input.reader.cookie },
    });
  requests.push(statementWrite(input.writer));
  return requests;
}

export { NEGOTIATION };
