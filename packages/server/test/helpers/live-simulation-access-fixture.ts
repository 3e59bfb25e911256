import { PlanVersionIdSchema, PointIdSchema } from '@parley/core';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../../src/demo';
import { demoPlanId } from '../../src/demo/plan-demo';
import { finishSimulation, queuedJobValues } from '../../src/storage/simulations';
import type { LiveSimulationJobInput } from '../../src/work/simulate-live';
import type { AccessFixture } from './access-fixtures';

// A finished simulation of the live talks, started by the mediator. Its point title and id must
// reach no one outside the mediator's party, and Ukraine's unshared utility no one at all. It is
// stored as a job queued before live jobs were sealed (in clear), so an app with any key reads it.
const LIVE_SIMULATION = '00000000-0000-4000-8000-00000000515b';
const PRIVATE_TITLE = 'Simulated point 9c1e';
const UNSHARED_UTILITY = 0.9137;

export const LIVE_SIMULATION_ACCESS_FIXTURE: AccessFixture = {
  params: async (db) => {
    const existing = await db
      .selectFrom('simulations')
      .select('id')
      .where('id', '=', LIVE_SIMULATION)
      .executeTakeFirst();
    if (existing === undefined) {
      const at = new Date('2025-11-20T10:00:00Z');
      const input: LiveSimulationJobInput = {
        negotiationId: DEMO_NEGOTIATION.id,
        versionId: PlanVersionIdSchema.parse(demoPlanId('geneva-19')),
        issues: [
          {
            pointId: PointIdSchema.parse(demoPlanId('p15')),
            number: 15,
            title: PRIVATE_TITLE,
            options: ['a', 'b'],
          },
        ],
        parties: [
          {
            partyId: DEMO_PARTIES.ukraine.id,
            profile: { reservation: 0.2, contributions: [[1, 0]] },
            sharedWithMediator: false,
          },
          { partyId: DEMO_PARTIES.russia.id, profile: null, sharedWithMediator: false },
        ],
        agent: 'boulware',
        protocol: 'sao',
        steps: 20,
        runs: 2,
        seed: 1,
        noise: 0.2,
        horizon: { deadlineTitle: null, dueAt: null, hours: 720, stepsPerHour: 1 },
        notices: [],
      };
      const job = { id: LIVE_SIMULATION, ownerId: DEMO_ACCOUNTS.mediator.id, input, at };
      await db
        .insertInto('simulations')
        .values({
          ...queuedJobValues(job),
          kind: 'live',
          negotiation_id: DEMO_NEGOTIATION.id,
          version_id: input.versionId,
        })
        .execute();
      await finishSimulation(db, {
        id: LIVE_SIMULATION,
        at,
        result: {
          runs: 2,
          agreements: 2,
          meanAgreementTime: 0.5,
          optionCounts: [[2, 0]],
          topAgreements: [{ outcome: [0], count: 2 }],
          likelyPackage: { outcome: [0], count: 2 },
          utilities: [
            { mean: UNSHARED_UTILITY, p10: UNSHARED_UTILITY, p50: UNSHARED_UTILITY, p90: UNSHARED_UTILITY },
            null,
          ],
        },
      });
    }
    return { liveSimulationId: [LIVE_SIMULATION] };
  },
  isHidden: (kind, values) => (values.liveSimulationId === undefined ? undefined : kind !== 'mediator'),
  forbidden: async (kind) => [
    String(UNSHARED_UTILITY),
    ...(kind === 'mediator' ? [] : [LIVE_SIMULATION, PRIVATE_TITLE]),
  ],
};
