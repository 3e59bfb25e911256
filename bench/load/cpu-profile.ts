// Summarises a V8 .cpuprofile (node --cpu-prof) by where the self time went: which library or which
// folder of Parley, so the load figures come with the reason for them.
import { readFileSync } from 'node:fs';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

function category(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : `(native) ${name || 'anonymous'}`;
  const module = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (module?.[1] !== undefined) return module[1];
  const own = /packages\/(\w+)\/src\/([\w-]+)/.exec(url);
  if (own !== null) return `parley ${own[1]}/${own[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

/** Self time per category and per function, in ms and as a share of the busy (non-idle) time. */
export function summariseProfile(
  path: string,
  /** Only samples this many ms after the process started count (not start-up, warm-up or stop). */
  window: { fromMs: number; untilMs: number } = { fromMs: 0, untilMs: Infinity },
): {
  busyMs: number;
  windowMs: number;
  categories: [string, number][];
  functions: [string, number][];
} {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const perCategory = new Map<string, number>();
  const perFunction = new Map<string, number>();
  let busy = 0;
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    elapsed += ms;
    if (elapsed < window.fromMs || elapsed > window.untilMs) return;
    if (node === undefined || node.callFrame.functionName === '(idle)') return;
    busy += ms;
    const cat = category(node.callFrame.url, node.callFrame.functionName);
    perCategory.set(cat, (perCategory.get(cat) ?? 0) + ms);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${cat}`;
    perFunction.set(fn, (perFunction.get(fn) ?? 0) + ms);
  });
  const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  return {
    busyMs: busy,
    windowMs: Math.min(elapsed, window.untilMs) - window.fromMs,
    categories: top(perCategory, 14),
    functions: top(perFunction, 14),
  };
}

type TreeNode = ProfileNode & { children?: number[] };

/**
 * Time per function including its callees (each function counted once per sample, so recursion
 * does not inflate it): where a route's time goes, not only which leaf burns it.
 */
export function summariseInclusive(
  path: string,
  skipMs = 0,
  count = 40,
): { busyMs: number; functions: [string, number][] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { nodes: TreeNode[] } & Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (node: ProfileNode) => {
    const { functionName, url } = node.callFrame;
    const file = url.replace(/^.*\/(node_modules\/(@[^/]+\/)?[^/]+|dist\/[^/]+\/chunks)\//, '$1/');
    return `${functionName || '(anonymous)'} ${file.split('/').slice(-2).join('/')}`;
  };
  const perFunction = new Map<string, number>();
  let busy = 0;
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    elapsed += ms;
    const leaf = byId.get(id);
    if (elapsed < skipMs || leaf === undefined || leaf.callFrame.functionName === '(idle)') return;
    busy += ms;
    const seen = new Set<string>();
    for (let node: TreeNode | undefined = leaf; node !== undefined;) {
      const name = label(node);
      if (!seen.has(name)) {
        seen.add(name);
        perFunction.set(name, (perFunction.get(name) ?? 0) + ms);
      }
      const up = parent.get(node.id);
      node = up === undefined ? undefined : byId.get(up);
    }
  });
  const functions = [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, count);
  return { busyMs: busy, functions };
}

/** The summaries of several processes' profiles (a cluster's workers) as one. */
export function addProfiles(
  profiles: readonly ReturnType<typeof summariseProfile>[],
): ReturnType<typeof summariseProfile> {
  const add = (pick: (profile: ReturnType<typeof summariseProfile>) => [string, number][]) => {
    const sums = new Map<string, number>();
    for (const profile of profiles)
      for (const [name, time] of pick(profile)) sums.set(name, (sums.get(name) ?? 0) + time);
    return [...sums].sort((a, b) => b[1] - a[1]).slice(0, 14);
  };
  return {
    busyMs: profiles.reduce((sum, profile) => sum + profile.busyMs, 0),
    windowMs: Math.max(...profiles.map((profile) => profile.windowMs)),
    categories: add((profile) => profile.categories),
    functions: add((profile) => profile.functions),
  };
}
