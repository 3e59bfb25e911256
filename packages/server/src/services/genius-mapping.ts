import { z } from 'zod';
import type { Scenario } from '@parley/engine';

// What Parley's own GENIUS export writes beside the XML (services/live-genius.ts). Only the
// fields read back here; anything else in it, or a file that is not this, is ignored.
const MappingSchema = z.object({
  format: z.literal('parley-genius-mapping'),
  profiles: z.array(z.object({ file: z.string(), partyName: z.string().trim().min(1).max(200) })),
});

/**
 * A scenario read from Parley's own GENIUS export names its parties by the profiles' file names
 * ("profile-01 United Metalworkers- Union -UMU-": a file name cannot hold every character). Its
 * mapping file keeps the real names: they replace the file names when they are all distinct.
 */
export function withMappedPartyNames(
  scenario: Scenario,
  mappingFile: { readonly contents: string } | undefined,
): Scenario {
  if (mappingFile === undefined) return scenario;
  let parsed: unknown;
  try {
    parsed = JSON.parse(mappingFile.contents);
  } catch {
    return scenario;
  }
  const mapping = MappingSchema.safeParse(parsed);
  if (!mapping.success) return scenario;
  const byFile = new Map(mapping.data.profiles.map((profile) => [profile.file, profile.partyName]));
  const names = scenario.parties.map((party) => byFile.get(`${party.name}.xml`) ?? party.name);
  if (new Set(names).size !== names.length) return scenario;
  return {
    ...scenario,
    parties: scenario.parties.map((party, index) => ({ ...party, name: names[index] ?? party.name })),
  };
}
