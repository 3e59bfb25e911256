import type { LoadResult, Problem, Scenario, ScenarioIssue, ScenarioParty, Valuation } from './scenario';
import { weightProblems } from './weight-problems';

/** The `format` tag of a Parley JSON scenario (docs/scenario-format.md, docs/scenario.schema.json). */
export const PARLEY_SCENARIO_FORMAT = 'parley-scenario/1';

type JsonObject = { readonly [key: string]: unknown };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function readIssue(file: string, raw: unknown, problems: Problem[]): ScenarioIssue | undefined {
  if (!isObject(raw) || typeof raw.name !== 'string' || raw.name === '') {
    problems.push({ file, message: 'every issue needs a non-empty "name"' });
    return undefined;
  }
  const name = raw.name;
  if (Array.isArray(raw.values)) {
    const options = raw.values.filter((value): value is string => typeof value === 'string');
    if (options.length !== raw.values.length)
      problems.push({ file, issue: name, message: '"values" must be strings' });
    if (options.length === 0) problems.push({ file, issue: name, message: 'the issue has no values' });
    if (new Set(options).size !== options.length)
      problems.push({ file, issue: name, message: 'the issue repeats a value' });
    return { name, kind: 'discrete', options };
  }
  const integer = raw.integer;
  if (
    isObject(integer) &&
    Number.isInteger(integer.lower) &&
    Number.isInteger(integer.upper) &&
    (integer.upper as number) >= (integer.lower as number)
  ) {
    return {
      name,
      kind: 'integer',
      lowerBound: integer.lower as number,
      upperBound: integer.upper as number,
    };
  }
  problems.push({
    file,
    issue: name,
    message: 'an issue needs "values" (strings) or "integer": {"lower", "upper"} with integer bounds',
  });
  return undefined;
}

type Context = { readonly file: string; readonly problems: Problem[] };

function readValuation(
  { file, problems }: Context,
  issue: ScenarioIssue,
  raw: JsonObject,
): Valuation | undefined {
  if (issue.kind === 'discrete' && raw.evaluations !== undefined) {
    if (!isObject(raw.evaluations)) {
      problems.push({ file, issue: issue.name, message: '"evaluations" must map values to numbers' });
      return undefined;
    }
    const evaluations = issue.options.map(() => 0);
    for (const [label, evaluation] of Object.entries(raw.evaluations)) {
      const index = issue.options.indexOf(label);
      if (index === -1)
        problems.push({ file, issue: issue.name, message: `the value "${label}" is not in the issue` });
      else if (!isFiniteNumber(evaluation))
        problems.push({ file, issue: issue.name, message: `the evaluation of "${label}" is not a number` });
      else evaluations[index] = evaluation;
    }
    return { kind: 'discrete', evaluations };
  }
  if (issue.kind === 'integer' && raw.linear !== undefined) {
    const linear = raw.linear;
    if (!isObject(linear) || !isFiniteNumber(linear.slope) || !isFiniteNumber(linear.offset)) {
      problems.push({ file, issue: issue.name, message: '"linear" needs numeric "slope" and "offset"' });
      return undefined;
    }
    return { kind: 'linear', slope: linear.slope, offset: linear.offset };
  }
  if (raw.evaluations !== undefined || raw.linear !== undefined) {
    problems.push({
      file,
      issue: issue.name,
      message:
        issue.kind === 'discrete'
          ? 'a discrete issue is valued by "evaluations"'
          : 'an integer issue is valued by "linear"',
    });
  }
  return undefined;
}

function readParty(
  { file, problems }: Context,
  raw: unknown,
  issues: readonly ScenarioIssue[],
): ScenarioParty | undefined {
  if (!isObject(raw) || typeof raw.name !== 'string' || !isObject(raw.issues)) {
    problems.push({ file, message: 'every party needs a "name" and an "issues" object' });
    return undefined;
  }
  if (raw.reservation !== undefined && !isFiniteNumber(raw.reservation))
    problems.push({ file, message: `party "${raw.name}": the reservation is not a number` });
  if (raw.discount !== undefined && !isFiniteNumber(raw.discount))
    problems.push({ file, message: `party "${raw.name}": the discount is not a number` });
  const weights: (number | undefined)[] = issues.map(() => undefined);
  const valuations: (Valuation | undefined)[] = issues.map(() => undefined);
  for (const [issueName, entry] of Object.entries(raw.issues)) {
    const index = issues.findIndex((issue) => issue.name === issueName);
    const issue = issues[index];
    if (issue === undefined || !isObject(entry)) {
      problems.push({
        file,
        issue: issueName,
        message:
          issue === undefined ? `party "${raw.name}" names an issue the scenario lacks` : 'must be an object',
      });
      continue;
    }
    if (entry.weight !== undefined && !isFiniteNumber(entry.weight))
      problems.push({ file, issue: issueName, message: `party "${raw.name}": the weight is not a number` });
    else weights[index] = entry.weight as number | undefined;
    valuations[index] = readValuation({ file, problems }, issue, entry);
  }
  problems.push(...weightProblems(file, { name: raw.name, weights }, issues));
  return {
    name: raw.name,
    reservation: isFiniteNumber(raw.reservation) ? raw.reservation : undefined,
    ...(isFiniteNumber(raw.discount) ? { discount: raw.discount } : {}),
    weights,
    valuations,
  };
}

/** Reads a Parley JSON scenario from its text; problems are values naming the file and issue. */
export function loadParleyScenario(file: string, text: string): LoadResult<Scenario> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [
        { file, message: `malformed JSON: ${error instanceof Error ? error.message : String(error)}` },
      ],
    };
  }
  if (!isObject(raw) || raw.format !== PARLEY_SCENARIO_FORMAT) {
    return {
      ok: false,
      problems: [{ file, message: `not a Parley scenario (expected "format": "${PARLEY_SCENARIO_FORMAT}")` }],
    };
  }
  const problems: Problem[] = [];
  const rawIssues = Array.isArray(raw.issues) ? raw.issues : [];
  const issues = rawIssues
    .map((issue) => readIssue(file, issue, problems))
    .filter((issue): issue is ScenarioIssue => issue !== undefined);
  if (issues.length === 0) problems.push({ file, message: 'the scenario has no issues' });
  if (new Set(issues.map((issue) => issue.name)).size !== issues.length)
    problems.push({ file, message: 'two issues share a name' });
  const rawParties = Array.isArray(raw.parties) ? raw.parties : [];
  const parties = rawParties
    .map((party) => readParty({ file, problems }, party, issues))
    .filter((party): party is ScenarioParty => party !== undefined);
  if (parties.length < 2 || parties.length > 8)
    problems.push({ file, message: `a scenario needs 2 to 8 parties, found ${parties.length}` });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name: typeof raw.name === 'string' ? raw.name : file, issues, parties } };
}

/** Writes a scenario as Parley JSON; loading the text back gives the same scenario. */
export function writeParleyScenario(scenario: Scenario): string {
  const document = {
    format: PARLEY_SCENARIO_FORMAT,
    name: scenario.name,
    issues: scenario.issues.map((issue) =>
      issue.kind === 'discrete'
        ? { name: issue.name, values: issue.options }
        : { name: issue.name, integer: { lower: issue.lowerBound, upper: issue.upperBound } },
    ),
    parties: scenario.parties.map((party) => {
      const issues: [string, unknown][] = [];
      scenario.issues.forEach((issue, index) => {
        const valuation = party.valuations[index];
        const entry: Record<string, unknown> = {};
        if (party.weights[index] !== undefined) entry.weight = party.weights[index];
        if (valuation?.kind === 'discrete' && issue.kind === 'discrete') {
          entry.evaluations = Object.fromEntries(
            issue.options.map((label, option) => [label, valuation.evaluations[option] ?? 0]),
          );
        } else if (valuation?.kind === 'linear')
          entry.linear = { slope: valuation.slope, offset: valuation.offset };
        if (Object.keys(entry).length > 0) issues.push([issue.name, entry]);
      });
      return {
        name: party.name,
        ...(party.reservation === undefined ? {} : { reservation: party.reservation }),
        ...(party.discount === undefined ? {} : { discount: party.discount }),
        issues: Object.fromEntries(issues),
      };
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
