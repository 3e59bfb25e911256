import type { LiveSimulation } from '@parley/core';

/**
 * How long the agents bargained, in what they do: an engine "step" is one offer under alternating
 * offers and one proposal by the mediator under a single negotiating text (docs/simulation.md).
 */
export function bargainingLength(job: Pick<LiveSimulation, 'protocol' | 'steps' | 'horizon'>): string {
  const turns =
    job.protocol === 'sao'
      ? `${job.steps} ${job.steps === 1 ? 'offer' : 'offers'}`
      : `${job.steps} ${job.steps === 1 ? 'proposal' : 'proposals'} by the mediator`;
  const until =
    job.horizon.dueAt === null
      ? `over ${Math.round(job.horizon.hours / 24)} days (no deadline ahead)`
      : `before ${job.horizon.deadlineTitle ?? 'the next deadline'}, ${job.horizon.hours} h away`;
  return `up to ${turns} ${until}`;
}

/**
 * How often the runs that agreed settled on exactly the likely package, which is the most frequent
 * option on each point taken separately: often enough a combination no run agreed on as a whole,
 * and a bare "0 %" read as a fault. A share that rounds to 0 % without being none is "under 1 %".
 */
export function exactShareLine(share: number): string {
  if (share <= 0)
    return 'No run agreed on exactly this package: it puts together the most frequent option on each point.';
  if (share >= 1) return 'Every agreement was exactly this package.';
  const shown = Math.round(share * 100);
  return `${shown < 1 ? 'Under 1' : shown > 99 ? 'Over 99' : shown} % of agreements were exactly this package.`;
}
