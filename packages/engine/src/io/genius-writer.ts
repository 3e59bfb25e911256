import type {
  LoadResult,
  Problem,
  Scenario,
  ScenarioIssue,
  ScenarioParty,
  SourceFile,
  Valuation,
} from './scenario';

/** The domain's file name; profiles are `<party name>.xml`. */
export const GENIUS_DOMAIN_FILE = 'domain.xml';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
// String(x) prints the shortest decimal that reads back as the same double: the files round-trip.
const number = (value: number): string => String(value);
// File names are party names, and the reader orders parties by file name: these keep both safe.
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;

function issueAttributes(issue: ScenarioIssue, index: number): string {
  const common = `index="${index + 1}" name="${escape(issue.name)}"`;
  return issue.kind === 'discrete'
    ? `${common} type="discrete" etype="discrete" vtype="discrete"`
    : `${common} type="integer" etype="integer" vtype="integer" lowerbound="${issue.lowerBound}" upperbound="${issue.upperBound}"`;
}

function domainXml(scenario: Scenario): string {
  const issues = scenario.issues.map((issue, index) => {
    if (issue.kind === 'integer') return `    <issue ${issueAttributes(issue, index)}/>`;
    const items = issue.options.map(
      (option, item) => `      <item index="${item + 1}" value="${escape(option)}"/>`,
    );
    return [`    <issue ${issueAttributes(issue, index)}>`, ...items, '    </issue>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<negotiation_template>',
    `  <utility_space number_of_issues="${scenario.issues.length}">`,
    `   <objective index="0" name="${escape(scenario.name)}" type="objective" etype="objective">`,
    ...issues,
    '   </objective>',
    '  </utility_space>',
    '</negotiation_template>',
    '',
  ].join('\n');
}

function valuationXml(issue: ScenarioIssue, valuation: Valuation | undefined): string[] {
  if (valuation === undefined) return [];
  if (valuation.kind === 'linear')
    return [
      `      <evaluator ftype="linear" slope="${number(valuation.slope)}" offset="${number(valuation.offset)}"/>`,
    ];
  const options = issue.kind === 'discrete' ? issue.options : [];
  return options.map(
    (option, item) =>
      `      <item index="${item + 1}" value="${escape(option)}" evaluation="${number(valuation.evaluations[item] ?? 0)}"/>`,
  );
}

function profileXml(scenario: Scenario, party: ScenarioParty): string {
  // An issue element is written even without a valuation: the reader finds weights through it.
  const issues = scenario.issues.flatMap((issue, index) => [
    `    <issue ${issueAttributes(issue, index)}>`,
    ...valuationXml(issue, party.valuations[index]),
    '    </issue>',
  ]);
  // An issue the party leaves out is written with weight 0, which reads back as leaving it out.
  const weights = scenario.issues.flatMap((_, index) => {
    const weight = party.weights[index] ?? (party.valuations[index] === undefined ? 0 : undefined);
    return weight === undefined ? [] : [`    <weight index="${index + 1}" value="${number(weight)}"/>`];
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<utility_space>',
    `   <objective index="0" name="${escape(scenario.name)}" type="objective" etype="objective">`,
    ...issues,
    ...weights,
    '   </objective>',
    ...(party.reservation === undefined ? [] : [`   <reservation value="${number(party.reservation)}"/>`]),
    ...(party.discount === undefined ? [] : [`   <discount_factor value="${number(party.discount)}"/>`]),
    '</utility_space>',
    '',
  ].join('\n');
}

function numbersOf(party: ScenarioParty): number[] {
  const numbers = [...party.weights.flatMap((weight) => (weight === undefined ? [] : [weight]))];
  if (party.reservation !== undefined) numbers.push(party.reservation);
  if (party.discount !== undefined) numbers.push(party.discount);
  for (const valuation of party.valuations) {
    if (valuation?.kind === 'discrete') numbers.push(...valuation.evaluations);
    if (valuation?.kind === 'linear') numbers.push(valuation.slope, valuation.offset);
  }
  return numbers;
}

function problemsOf(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const names = new Set<string>();
  for (const issue of scenario.issues) {
    if (names.has(issue.name))
      problems.push({ file: GENIUS_DOMAIN_FILE, issue: issue.name, message: 'two issues share this name' });
    names.add(issue.name);
  }
  scenario.parties.forEach((party, index) => {
    const file = `${party.name}.xml`;
    if (!SAFE_NAME.test(party.name) || file.toLowerCase() === GENIUS_DOMAIN_FILE)
      problems.push({
        file,
        message: 'a party name must be a plain file name (letters, digits, space . _ -)',
      });
    const previous = scenario.parties[index - 1];
    if (previous !== undefined && !(`${previous.name}.xml` < file))
      problems.push({
        file,
        message: 'party names must sort in party order: the reader orders profiles by file name',
      });
    if (numbersOf(party).some((value) => !Number.isFinite(value)))
      problems.push({ file, message: 'every weight, evaluation and reservation must be a finite number' });
  });
  return problems;
}

/**
 * Writes a scenario as a GENIUS folder: `domain.xml` and one `<party name>.xml` per party, which
 * `loadGeniusScenario` reads back into the same scenario (numbers as written, parties in order).
 */
export function writeGeniusScenario(scenario: Scenario): LoadResult<SourceFile[]> {
  const problems = problemsOf(scenario);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: [
      { name: GENIUS_DOMAIN_FILE, contents: domainXml(scenario) },
      ...scenario.parties.map((party) => ({
        name: `${party.name}.xml`,
        contents: profileXml(scenario, party),
      })),
    ],
  };
}
