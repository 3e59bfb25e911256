import { DEMO_ACCOUNTS } from '../../src/demo';
import { insertSimulation } from '../../src/storage/simulations';
import type { AccessFixture } from './access-fixtures';

// A simulation job started by the mediator's account: its private utilities must reach no one else.
const MEDIATORS_SIMULATION = '00000000-0000-4000-8000-00000000515a';
const PRIVATE_ISSUE = 'Mediator-only test issue 7f3a';

export const SIMULATION_ACCESS_FIXTURE: AccessFixture = {
  params: async (db) => {
    const existing = await db
      .selectFrom('simulations')
      .select('id')
      .where('id', '=', MEDIATORS_SIMULATION)
      .executeTakeFirst();
    if (existing === undefined) {
      await insertSimulation(db, {
        id: MEDIATORS_SIMULATION,
        ownerId: DEMO_ACCOUNTS.mediator.id,
        at: new Date('2025-11-20T10:00:00Z'),
        input: {
          space: {
            issues: [{ name: PRIVATE_ISSUE, options: ['a', 'b'] }],
            parties: [
              { name: 'us', reservation: 0, constant: 0, contributions: [[1, 0]] },
              { name: 'them', reservation: 0, constant: 0, contributions: [[0, 1]] },
            ],
          },
          agents: ['boulware', 'conceder'],
          protocol: 'sao',
          steps: 10,
          runs: 1,
          seed: 1,
        },
      });
    }
    return { simulationId: [MEDIATORS_SIMULATION] };
  },
  isHidden: (kind, values) => (values.simulationId === undefined ? undefined : kind !== 'mediator'),
  forbidden: async (kind) => (kind === 'mediator' ? [] : [MEDIATORS_SIMULATION, PRIVATE_ISSUE]),
};
