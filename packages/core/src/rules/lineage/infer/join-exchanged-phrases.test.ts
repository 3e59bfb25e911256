import { describe, expect, it } from 'vitest';
import { inferenceContext } from './inference-context';
import { joinExchangedPhrases } from './join-exchanged-phrases';
import { LineageLinks } from './lineage-links';
import type { LineageInputPoint } from './lineage-types';
import { point } from './lineage-points.test-data';

const fares = point(
  3,
  'Fares',
  'The operator charges the fares that the authority sets for every bus route.',
);
const drivers = point(
  4,
  'Drivers',
  'The operator employs drivers who hold a bus licence and speak the language.',
);
const before = [
  point(
    1,
    'Equipment',
    'Every bus has a low floor, a ramp and ticket machines that accept contactless cards.',
  ),
  point(2, 'Data', 'The operator provides location data in real time and monthly reports on punctuality.'),
  fares,
  drivers,
];

// New 1 takes the real-time location from old 2; new 2 takes the ticket machines from old 1.
const equipment = point(
  1,
  'Equipment',
  'Every bus has a low floor, a ramp and contactless card readers, and sends its location in real time.',
);
const data = point(
  2,
  'Data',
  'The operator passes the ticket machine figures and monthly reports on punctuality to the authority.',
);

// Each old point linked to the new point at its place, as the one-to-one matching leaves them.
function joined(after: readonly LineageInputPoint[]) {
  const context = inferenceContext(before, after);
  const links = new LineageLinks(context.before.vectors, context.after.vectors);
  links.add({ from: 0, to: 0, score: 0.5, evidence: 'match' });
  links.add({ from: 1, to: 1, score: 0.5, evidence: 'match' });
  links.add({ from: 2, to: 2, score: 1, evidence: 'identical' });
  links.add({ from: 3, to: 3, score: 1, evidence: 'identical' });
  joinExchangedPhrases(context, links);
  return links.links.slice(4).map((link) => [link.from, link.to]);
}

describe('joinExchangedPhrases', () => {
  it('joins two amendments that exchanged two phrases (a restructuring)', () => {
    expect(joined([equipment, data, fares, drivers])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('leaves them apart when only one phrase travelled (an echo)', () => {
    const dataAlone = point(
      2,
      'Data',
      'The operator passes its figures and monthly reports on punctuality to the authority.',
    );
    expect(joined([equipment, dataAlone, fares, drivers])).toEqual([]);
  });

  it('joins them on one phrase when a phrase coined for both new points backs it', () => {
    // "The fleet tracker" is new wording in both new points: they were redrafted together.
    const tracked = point(
      1,
      'Equipment',
      'Every bus has a low floor, a ramp and contactless card readers, and sends its location in real time through the fleet tracker.',
    );
    const trackerData = point(
      2,
      'Data',
      'The operator passes the fleet tracker figures and monthly reports on punctuality to the authority.',
    );
    expect(joined([tracked, trackerData, fares, drivers])).toEqual([[1, 0]]);
  });

  it('lets a backed phrase be one point more common than two phrases alone', () => {
    // "Real time" is in five points now (the fares, kept, and a new timetable point): alone with
    // another phrase it would be too common, backed by the coined "fleet tracker" it still counts.
    const faresLive = point(3, 'Fares', `${fares.text} Fares are shown in real time.`);
    const timetable = point(5, 'Timetable', 'Departure boards show the timetable in real time.');
    const after = [
      point(
        1,
        'Equipment',
        'Every bus has a low floor, a ramp and contactless card readers, and sends its location in real time through the fleet tracker.',
      ),
      point(
        2,
        'Data',
        'The operator passes the fleet tracker figures and monthly reports on punctuality to the authority.',
      ),
      faresLive,
      drivers,
      timetable,
    ];
    const context = inferenceContext([before[0]!, before[1]!, faresLive, drivers], after);
    const links = new LineageLinks(context.before.vectors, context.after.vectors);
    for (const index of [0, 1, 2, 3])
      links.add({ from: index, to: index, score: 0.5, evidence: index < 2 ? 'match' : 'identical' });
    joinExchangedPhrases(context, links);
    expect(links.links.slice(4).map((link) => [link.from, link.to])).toEqual([[1, 0]]);
  });

  it('leaves them apart when the phrases are common to the whole text', () => {
    const common = (number: number, title: string, text: string) =>
      point(number, title, `${text} Ticket machines and real time location apply.`);
    const faresCommon = common(3, fares.title, fares.text);
    const driversCommon = common(4, drivers.title, drivers.text);
    const context = inferenceContext(
      [before[0]!, before[1]!, faresCommon, driversCommon],
      [equipment, data, faresCommon, driversCommon],
    );
    const links = new LineageLinks(context.before.vectors, context.after.vectors);
    for (const index of [0, 1, 2, 3])
      links.add({ from: index, to: index, score: 0.5, evidence: index < 2 ? 'match' : 'identical' });
    joinExchangedPhrases(context, links);
    expect(links.links).toHaveLength(4);
  });
});
