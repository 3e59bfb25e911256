// Builds the benchmark's negotiation over HTTP on an empty instance, as users would: an admin who
// mediates, five negotiating parties each with its own lead, a 25-point plan whose points are all
// issues (options and numeric ranges), and a private profile per party.
import { createRng } from '@parley/engine';

export const PARTIES = 5;
export const ISSUES = 25;
const PASSWORD = 'bench password 2026';

export type Session = { cookie: string; csrf: string; userId: string };

export async function api(
  url: string,
  request: string,
  options: { as?: Session; body?: unknown } = {},
): Promise<unknown> {
  const [method = 'GET', path = '/'] = request.split(' ');
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.as === undefined ? {} : { cookie: options.as.cookie, 'x-csrf-token': options.as.csrf }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${request}: ${response.status} ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

async function account(url: string, email: string): Promise<Session> {
  await api(url, 'POST /api/auth/register', {
    body: { email, displayName: email.split('@')[0], password: PASSWORD },
  });
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = (await response.json()) as { user: { id: string }; csrfToken: string };
  return {
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrf: body.csrfToken,
    userId: body.user.id,
  };
}

export type Negotiation = { id: string; versionId: string; mediator: Session; leads: Session[] };

export async function buildNegotiation(url: string): Promise<Negotiation> {
  const mediator = await account(url, 'mediator@bench.parley');
  await api(url, 'PUT /api/instance/settings', { as: mediator, body: { signup: 'open' } });
  const leads: Session[] = [];
  for (let party = 1; party <= PARTIES; party++) leads.push(await account(url, `party${party}@bench.parley`));
  const negotiation = (await api(url, 'POST /api/negotiations', {
    as: mediator,
    body: { title: 'Benchmark talks', closureRule: 'all-or-nothing', mediatorPartyName: 'Mediators' },
  })) as { id: string };
  const N = `/api/negotiations/${negotiation.id}`;
  for (const [index, lead] of leads.entries()) {
    const party = (await api(url, `POST ${N}/parties`, {
      as: mediator,
      body: { name: `Party ${index + 1}`, role: 'party', required: true },
    })) as { id: string };
    await api(url, `POST ${N}/parties/${party.id}/members`, {
      as: mediator,
      body: { userId: lead.userId, function: 'lead' },
    });
  }
  const text = Array.from(
    { length: ISSUES },
    (_, index) => `${index + 1}. Point ${index + 1}\n\nThe parties settle matter ${index + 1}.`,
  ).join('\n\n');
  const version = (await api(url, `POST ${N}/plan/import`, {
    as: mediator,
    body: { label: 'Benchmark text', text, baseRevision: 0 },
  })) as { version: { id: string; points: { pointId: string }[] } };
  const points = version.version.points;
  if (points.length !== ISSUES) throw new Error(`the plan has ${points.length} points, not ${ISSUES}`);
  for (const [index, point] of points.entries()) {
    const definition =
      index % 2 === 0
        ? { kind: 'options', options: ['none', 'low', 'medium', 'high', 'full'] }
        : { kind: 'range', min: 0, max: 100, step: 10, unit: '%' };
    await api(url, `PUT ${N}/plan/versions/${version.version.id}/points/${point.pointId}/issue`, {
      as: mediator,
      body: { definition },
    });
  }
  const rng = createRng(2026);
  for (const [party, lead] of leads.entries()) {
    await api(url, `PUT ${N}/preferences`, {
      as: lead,
      body: {
        baseRevision: 0,
        scale: 'percent',
        weighting: 'weights',
        reservation: 20,
        // Two of five share with the mediator: the result then carries their utilities only.
        sharedWithMediator: party < 2,
        issues: points.map((point, index) => ({
          pointId: point.pointId,
          weight: Math.round(rng.next() * 90) + 10,
          ratings:
            index % 2 === 0
              ? Object.fromEntries(
                  ['none', 'low', 'medium', 'high', 'full'].map((label) => [
                    label,
                    Math.round(rng.next() * 100),
                  ]),
                )
              : { min: Math.round(rng.next() * 100), max: Math.round(rng.next() * 100) },
        })),
      },
    });
  }
  return { id: negotiation.id, versionId: version.version.id, mediator, leads };
}
