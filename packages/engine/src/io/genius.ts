import { childrenNamed, parseXml, type XmlElement } from './xml';
import type {
  LoadResult,
  Problem,
  Scenario,
  ScenarioIssue,
  ScenarioParty,
  SourceFile,
  Valuation,
} from './scenario';
import { weightProblems } from './weight-problems';

/** The most integer values one issue may span (10⁶ options): beyond that it is not a discrete issue. */
const MAX_INTEGER_OPTIONS = 1_000_000;

type ParsedFile = { readonly name: string; readonly root: XmlElement };

/** Issues and weights sit under <objective> or, in some old profiles, directly under <utility_space>. */
function issueContainer(root: XmlElement): XmlElement {
  const space = root.name === 'utility_space' ? root : (childrenNamed(root, 'utility_space')[0] ?? root);
  return childrenNamed(space, 'objective')[0] ?? space;
}

function issueKind(element: XmlElement): string {
  return (
    element.attributes.type ??
    element.attributes.etype ??
    element.attributes.vtype ??
    'discrete'
  ).toLowerCase();
}

function readNumber(text: string | undefined): number {
  return text === undefined || text.trim() === '' ? Number.NaN : Number(text);
}

function readDomainIssue(file: string, element: XmlElement, problems: Problem[]): ScenarioIssue | undefined {
  const name = element.attributes.name ?? `issue ${element.attributes.index ?? '?'}`;
  const kind = issueKind(element);
  if (kind === 'discrete') {
    // direct <item> children only: items inside <similarity_function> are not values
    const options = [...new Set(childrenNamed(element, 'item').map((item) => item.attributes.value ?? ''))];
    if (options.length === 0) problems.push({ file, issue: name, message: 'the issue has no values' });
    return { name, kind: 'discrete', options };
  }
  if (kind === 'integer') {
    const range = childrenNamed(element, 'range')[0];
    const lower = readNumber(element.attributes.lowerbound ?? range?.attributes.lowerbound);
    const upper = readNumber(element.attributes.upperbound ?? range?.attributes.upperbound);
    if (!Number.isInteger(lower) || !Number.isInteger(upper) || upper < lower) {
      problems.push({
        file,
        issue: name,
        message: 'an integer issue needs integer bounds with lowerbound ≤ upperbound',
      });
    } else if (upper - lower + 1 > MAX_INTEGER_OPTIONS) {
      problems.push({
        file,
        issue: name,
        message: `the integer issue spans more than ${MAX_INTEGER_OPTIONS} values`,
      });
    }
    return { name, kind: 'integer', lowerBound: lower, upperBound: upper };
  }
  problems.push({
    file,
    issue: name,
    message: `a ${kind}-valued issue: only discrete and integer issues can be analysed`,
  });
  return undefined;
}

type Context = { readonly file: string; readonly problems: Problem[] };

function readValuation(
  { file, problems }: Context,
  issue: ScenarioIssue,
  element: XmlElement,
): Valuation | undefined {
  if (issue.kind === 'discrete') {
    const evaluations = issue.options.map(() => 0);
    for (const item of childrenNamed(element, 'item')) {
      const index = issue.options.indexOf(item.attributes.value ?? '');
      if (index === -1) {
        problems.push({
          file,
          issue: issue.name,
          message: `the value "${item.attributes.value ?? ''}" is not in the domain`,
        });
        continue;
      }
      const evaluation = readNumber(item.attributes.evaluation ?? '0');
      if (!Number.isFinite(evaluation))
        problems.push({
          file,
          issue: issue.name,
          message: `evaluation "${item.attributes.evaluation ?? ''}" is not a number`,
        });
      evaluations[index] = evaluation; // a repeated item: the last one counts
    }
    return { kind: 'discrete', evaluations };
  }
  const evaluator = childrenNamed(element, 'evaluator')[0];
  if (evaluator === undefined) return undefined;
  const attributes = evaluator.attributes;
  // old GENIUS integer evaluators: parameter0 is the offset, parameter1 the slope
  const slope = readNumber(attributes.slope ?? attributes.parameter1);
  const offset = readNumber(attributes.offset ?? attributes.parameter0);
  if (!Number.isFinite(slope) || !Number.isFinite(offset)) {
    problems.push({
      file,
      issue: issue.name,
      message: 'the integer evaluator needs numeric slope and offset',
    });
  }
  return { kind: 'linear', slope, offset };
}

function readProfile(file: ParsedFile, issues: readonly ScenarioIssue[], problems: Problem[]): ScenarioParty {
  const container = issueContainer(file.root);
  const weights: (number | undefined)[] = issues.map(() => undefined);
  const valuations: (Valuation | undefined)[] = issues.map(() => undefined);
  const indexToIssue = new Map<string, number>();
  const valued = new Set<number>();
  for (const element of childrenNamed(container, 'issue')) {
    const name = element.attributes.name ?? '';
    const issueIndex = issues.findIndex((issue) => issue.name === name);
    const issue = issues[issueIndex];
    if (issue === undefined) {
      problems.push({ file: file.name, issue: name, message: 'the domain has no such issue' });
      continue;
    }
    if (valued.has(issueIndex)) {
      problems.push({ file: file.name, issue: name, message: 'the profile values this issue twice' });
      continue;
    }
    valued.add(issueIndex);
    indexToIssue.set(element.attributes.index ?? '', issueIndex);
    valuations[issueIndex] = readValuation({ file: file.name, problems }, issue, element);
  }
  for (const weight of childrenNamed(container, 'weight')) {
    const issueIndex = indexToIssue.get(weight.attributes.index ?? '');
    if (issueIndex === undefined) continue; // e.g. the objective's own weight: GENIUS ignores it
    const value = readNumber(weight.attributes.value);
    if (!Number.isFinite(value)) {
      problems.push({
        file: file.name,
        issue: issues[issueIndex]?.name,
        message: `the weight "${weight.attributes.value ?? ''}" is not a number`,
      });
    }
    weights[issueIndex] = value;
  }
  // GENIUS evaluates an outcome issue by issue and has no value for an issue a profile leaves out.
  for (const [index, issue] of issues.entries())
    if (!valued.has(index))
      problems.push({ file: file.name, issue: issue.name, message: 'the profile does not value this issue' });
  const name = file.name.replace(/\.xml$/i, '');
  problems.push(...weightProblems(file.name, { name, weights }, issues));
  const reservationElement =
    childrenNamed(file.root, 'reservation')[0] ?? childrenNamed(container, 'reservation')[0];
  const reservation =
    reservationElement === undefined ? undefined : readNumber(reservationElement.attributes.value);
  if (reservation !== undefined && !Number.isFinite(reservation))
    problems.push({ file: file.name, message: 'the reservation value is not a number' });
  const discountElement =
    childrenNamed(file.root, 'discount_factor')[0] ?? childrenNamed(container, 'discount_factor')[0];
  const discount = discountElement === undefined ? undefined : readNumber(discountElement.attributes.value);
  if (discount !== undefined && !Number.isFinite(discount))
    problems.push({ file: file.name, message: 'the discount factor is not a number' });
  return {
    name,
    reservation,
    ...(discount === undefined ? {} : { discount }),
    weights,
    valuations,
  };
}

const byName = (a: SourceFile, b: SourceFile): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Reads a GENIUS scenario from file contents: the one file whose root is <negotiation_template>
 * is the domain, every <utility_space> file a profile, in file-name order; *pareto.xml files are skipped.
 */
export function loadGeniusScenario(
  name: string,
  files: readonly SourceFile[],
  // An analysis needs two profiles; a domain read for its issues alone needs none.
  { minimumProfiles = 2 }: { readonly minimumProfiles?: number } = {},
): LoadResult<Scenario> {
  const problems: Problem[] = [];
  const parsed: ParsedFile[] = [];
  for (const file of files.filter((candidate) => !/pareto\.xml$/i.test(candidate.name)).sort(byName)) {
    const result = parseXml(file.contents);
    if (result.ok) parsed.push({ name: file.name, root: result.root });
    else problems.push({ file: file.name, message: `malformed XML: ${result.message}` });
  }
  const domains = parsed.filter((file) => file.root.name === 'negotiation_template');
  const profiles = parsed.filter((file) => file.root.name === 'utility_space');
  const domain = domains[0];
  if (domains.length !== 1 || domain === undefined) {
    problems.push({
      file: name,
      message: `expected exactly one domain file (root <negotiation_template>), found ${domains.length}`,
    });
    return { ok: false, problems };
  }
  if (profiles.length < minimumProfiles)
    problems.push({
      file: name,
      message: `expected at least ${minimumProfiles === 2 ? 'two' : minimumProfiles} profiles (root <utility_space>), found ${profiles.length}`,
    });
  const issues: ScenarioIssue[] = [];
  for (const element of childrenNamed(issueContainer(domain.root), 'issue')) {
    const issue = readDomainIssue(domain.name, element, problems);
    if (issue !== undefined) issues.push(issue);
  }
  if (issues.length === 0) problems.push({ file: domain.name, message: 'the domain has no issues' });
  const seen = new Set<string>();
  for (const issue of issues) {
    if (seen.has(issue.name))
      problems.push({
        file: domain.name,
        issue: issue.name,
        message: 'two issues of the domain share this name',
      });
    seen.add(issue.name);
  }
  const parties = profiles.map((profile) => readProfile(profile, issues, problems));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name, issues, parties } };
}
