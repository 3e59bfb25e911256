/**
 * Browsers list zones by ICU's canonical names, some of which IANA has since renamed (Kiev became
 * Kyiv in 2022). The server accepts both (it asks Intl), so the form offers the current names.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** A zone by its current IANA name: "Europe/Kiev" → "Europe/Kyiv"; current names are kept. */
export function currentZoneName(zone: string): string {
  return RENAMED[zone] ?? zone;
}

/** The zones to offer, by current name, sorted, with UTC (which browsers leave out of the list). */
export function zoneChoices(supported: readonly string[]): string[] {
  const current = new Set(supported.map(currentZoneName));
  current.delete('UTC');
  return ['UTC', ...[...current].sort()];
}

/** The zone a new negotiation starts in: the viewer's own if it is offered, else UTC. */
export function defaultZone(browserZone: string | undefined, choices: readonly string[]): string {
  const zone = currentZoneName(browserZone ?? '');
  return choices.includes(zone) ? zone : 'UTC';
}
