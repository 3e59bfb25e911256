/**
 * An illustrative scenario for the analysis view: eight of the demo plan's contested topics with
 * invented preferences for two sides. It is no one's actual position — it shows what the engine
 * does, and users replace it with their own (private) profiles.
 */
const issue = (name: string, values: string[]) => ({ name, values });
const valuation = (weight: number, evaluations: Record<string, number>) => ({ weight, evaluations });

export const ANALYSIS_EXAMPLE = {
  format: 'parley-scenario/1',
  name: 'Illustrative: eight contested points, two sides (invented preferences)',
  issues: [
    issue('Line of contact', ['current line', 'partial withdrawal', 'full withdrawal from disputed region']),
    issue('Security guarantees', ['none', 'consultations only', 'guarantee modelled on collective defence']),
    issue('Alliance membership language', [
      'permanent renunciation',
      'no decision in this agreement',
      'door left open',
    ]),
    issue('Armed forces ceiling', ['600,000', '800,000', 'no ceiling']),
    issue('Sanctions relief', ['immediate', 'phased with compliance', 'none before full implementation']),
    issue('Frozen assets', ['returned', 'split for reconstruction', 'all for reconstruction']),
    issue('Nuclear plant', [
      'operated by one side',
      'joint operation, output shared',
      'international operator',
    ]),
    issue('Elections', ['within 100 days', 'within a year', 'when martial law ends']),
  ],
  parties: [
    {
      name: 'Side A',
      reservation: 0.35,
      issues: {
        'Line of contact': valuation(0.22, {
          'current line': 1,
          'partial withdrawal': 3,
          'full withdrawal from disputed region': 2,
        }),
        'Security guarantees': valuation(0.2, {
          none: 0,
          'consultations only': 2,
          'guarantee modelled on collective defence': 5,
        }),
        'Alliance membership language': valuation(0.08, {
          'permanent renunciation': 0,
          'no decision in this agreement': 4,
          'door left open': 5,
        }),
        'Armed forces ceiling': valuation(0.14, { '600,000': 0, '800,000': 3, 'no ceiling': 5 }),
        'Sanctions relief': valuation(0.06, {
          immediate: 1,
          'phased with compliance': 3,
          'none before full implementation': 4,
        }),
        'Frozen assets': valuation(0.12, {
          returned: 0,
          'split for reconstruction': 3,
          'all for reconstruction': 5,
        }),
        'Nuclear plant': valuation(0.1, {
          'operated by one side': 0,
          'joint operation, output shared': 2,
          'international operator': 4,
        }),
        Elections: valuation(0.08, { 'within 100 days': 1, 'within a year': 3, 'when martial law ends': 4 }),
      },
    },
    {
      name: 'Side B',
      reservation: 0.3,
      issues: {
        'Line of contact': valuation(0.26, {
          'current line': 3,
          'partial withdrawal': 2,
          'full withdrawal from disputed region': 5,
        }),
        'Security guarantees': valuation(0.12, {
          none: 5,
          'consultations only': 3,
          'guarantee modelled on collective defence': 0,
        }),
        'Alliance membership language': valuation(0.2, {
          'permanent renunciation': 5,
          'no decision in this agreement': 2,
          'door left open': 0,
        }),
        'Armed forces ceiling': valuation(0.1, { '600,000': 5, '800,000': 3, 'no ceiling': 0 }),
        'Sanctions relief': valuation(0.18, {
          immediate: 5,
          'phased with compliance': 3,
          'none before full implementation': 0,
        }),
        'Frozen assets': valuation(0.06, {
          returned: 5,
          'split for reconstruction': 3,
          'all for reconstruction': 1,
        }),
        'Nuclear plant': valuation(0.04, {
          'operated by one side': 4,
          'joint operation, output shared': 3,
          'international operator': 1,
        }),
        Elections: valuation(0.04, { 'within 100 days': 4, 'within a year': 2, 'when martial law ends': 1 }),
      },
    },
  ],
} as const;
