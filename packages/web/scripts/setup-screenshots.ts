// Screenshots of the set-up pages (#11) — the administrator, a new negotiation, delegations, an
// invitation, the plan import, the drafting editor and a revised text — at 1280 px and on a
// 390 px phone, against the real `parley serve --no-demo`, driven through the web app as the
// user guide's first negotiation is: `node packages/server/bin/run-ts.js packages/web/scripts/setup-screenshots.ts`.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowserFor, startEmptyServer, type Person } from '../test/helpers/empty-server';

const OUT = path.resolve(import.meta.dirname, '../../../docs/screenshots');
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'correct horse battery';

const FIRST_DRAFT = [
  '1. **Water access.** Both sides share the water of the river equally, measured at the weir each month.',
  '2. **Fishing rights.** Fishermen from both sides may fish from either bank of the river all year.',
  '3. **Bridge tolls.** No toll is charged on the old bridge for people on foot or bicycles.',
  '4. **Border posts.** The border posts open at dawn for traders and close at dusk for everyone except ambulances.',
  '5. **Schools.** Children from either side may attend the school nearest to their home.',
];
// Points 1 and 2 merged, 3 renumbered, 4 split in two, 5 unchanged.
const REVISED = [
  '1. **River use.** Both sides share the water of the river equally, measured at the weir each month, and fishermen from both sides may fish from either bank of the river all year.',
  '2. **Bridge tolls.** No toll is charged on the old bridge for people on foot or bicycles.',
  '3. **Opening of the border posts.** The border posts open at dawn for traders.',
  '4. **Closing of the border posts.** The border posts close at dusk for everyone except ambulances.',
  '5. **Schools.** Children from either side may attend the school nearest to their home.',
].join('\n');

/** A full-page shot cut at `maxHeight`, once the page has settled (no spinner left). */
async function shot(page: Page, name: string, maxHeight: number) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.loading')
    .waitFor({ state: 'detached' })
    .catch(() => {});
  const width = page.viewportSize()?.width ?? WIDE.width;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: path.join(OUT, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) },
  });
  console.log(`docs/screenshots/${name}.png`);
}

/** The same page at 1280 px, then narrowed to a 390 px phone, then back (what was typed stays). */
async function both(page: Page, name: string, [wideMax, phoneMax]: readonly [number, number]) {
  await page.setViewportSize(WIDE);
  await shot(page, name, wideMax);
  await page.setViewportSize(PHONE);
  await shot(page, `${name}-phone`, phoneMax);
  await page.setViewportSize(WIDE);
}

const sections = (page: Page) => page.getByRole('navigation', { name: 'Negotiation sections' });
const openTab = (page: Page, name: string) => sections(page).getByRole('link', { name, exact: true }).click();
const partyCard = (page: Page, name: string) =>
  page
    .locator('ul.delegations > li')
    .filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) });

async function fillRegistration(page: Page, name: string, email: string) {
  await page.getByLabel('Your name, as others will see it').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill(PASSWORD);
}

type Invitation = { party: string; summary: string; email: string; fn?: string };

async function invite(page: Page, { party, summary, email, fn }: Invitation) {
  const card = partyCard(page, party);
  await card.getByText(summary, { exact: true }).click();
  const form = card.getByRole('form', { name: `Invite to ${party}` });
  await form.getByLabel('Email').fill(email);
  if (fn !== undefined) await form.getByLabel('Function').selectOption(fn);
  await form.getByRole('button', { name: /^Invite/ }).click();
  const link = form.getByLabel(/Invitation link for/);
  await link.waitFor();
  const url = await link.inputValue();
  await card.getByText(summary, { exact: true }).click();
  return url;
}

/** The invitee opens the link, registers, then accepts; with `shots` both pages are shot. */
async function acceptInvitation(person: Person, link: string, { displayName = '', shots = false }) {
  const { page } = person;
  await page.goto(link);
  await page.getByRole('heading', { name: 'You are invited to a negotiation' }).waitFor();
  await fillRegistration(page, displayName, person.email);
  if (shots) await both(page, 'invitation', [900, 1300]);
  await page.getByRole('form', { name: 'Create account' }).getByRole('button').click();
  await page.getByRole('button', { name: 'Accept the invitation' }).waitFor();
  if (shots) await both(page, 'invitation-accept', [600, 844]);
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await sections(page).waitFor();
}

mkdirSync(OUT, { recursive: true });
const server = await startEmptyServer();
try {
  const mediator = await openBrowserFor(server, 'mia@example.org', { timezoneId: 'Europe/Zurich' });
  const analyst = await openBrowserFor(server, 'adam@example.org');
  const north = await openBrowserFor(server, 'nils@example.org');
  const south = await openBrowserFor(server, 'sara@example.org');
  const { page } = mediator;

  // The first visitor of the empty server creates the administrator.
  await page.goto('/');
  await page.getByRole('heading', { name: 'Set up this Parley server' }).waitFor();
  await fillRegistration(page, 'Mia Mediator', mediator.email);
  await both(page, 'create-admin', [900, 1300]);
  await page.getByRole('form', { name: 'Create the administrator account' }).getByRole('button').click();
  await page.getByRole('heading', { name: 'Your negotiations' }).waitFor();

  // The new-negotiation form, filled in.
  await page.getByRole('link', { name: 'Open a new negotiation' }).click();
  const created = page.getByRole('form', { name: 'New negotiation' });
  await created.getByLabel('Title').fill('River accord');
  await created
    .getByLabel('Description (mandate)')
    .fill('Sharing the river between Northland and Southland.');
  await created.getByLabel('Point by point').check();
  await created.getByLabel(/^Time zone/).selectOption('Europe/Zurich');
  await created.getByLabel(/^Your party, the mediator/).fill('Mediation team');
  await both(page, 'new-negotiation', [1100, 1600]);
  await created.getByRole('button', { name: 'Open the negotiation' }).click();
  await sections(page).waitFor();

  // Delegations: two parties and an observer, Northland's lead and an analyst of the mediator seated.
  const addParty = page.getByRole('form', { name: 'Add a party' });
  for (const [name, role] of [
    ['Northland', 'party'],
    ['Southland', 'party'],
    ['Watchers', 'observer'],
  ] as const) {
    await addParty.getByLabel('Name').fill(name);
    await addParty.getByLabel('Role').selectOption(role);
    await addParty.getByRole('button', { name: 'Add party' }).click();
    await partyCard(page, name).waitFor();
  }
  const northLink = await invite(page, {
    party: 'Northland',
    summary: 'Invite the lead of Northland',
    email: north.email,
  });
  const analystLink = await invite(page, {
    party: 'Mediation team',
    summary: 'Invite someone',
    email: analyst.email,
    fn: 'analyst',
  });
  await acceptInvitation(north, northLink, { displayName: 'Nils North' });
  await acceptInvitation(analyst, analystLink, { displayName: 'Adam Analyst', shots: true });
  await page.reload();
  await partyCard(page, 'Northland').getByText('Nils North').waitFor();
  const team = partyCard(page, 'Mediation team');
  await team.getByText('Adam Analyst').first().waitFor();
  await team.getByText('Invite someone', { exact: true }).click();
  const inviteForm = team.getByRole('form', { name: 'Invite to Mediation team' });
  await inviteForm.getByLabel('Email').fill('lena@example.org');
  await inviteForm.getByLabel('Title shown to others (optional)').fill('Legal adviser');
  await team.getByText('Seat someone with an account', { exact: true }).click();
  await team
    .getByRole('form', { name: 'Seat someone in Mediation team' })
    .getByLabel('Email of their account')
    .fill(south.email);
  await team.getByText('Hand over the lead', { exact: true }).click();
  await team.getByRole('form', { name: 'Hand over the lead of Mediation team' }).waitFor();
  await partyCard(page, 'Southland').getByText('Invite the lead of Southland', { exact: true }).click();
  await both(page, 'delegations', [2600, 5200]);

  // The plan import page: a numbered text with a gap in its numbering, shown next to the text.
  await openTab(page, 'Plan');
  await page.getByRole('link', { name: 'Import a plan from a document' }).click();
  const importForm = page.getByRole('form', { name: 'Import a plan' });
  await importForm.getByLabel('Version label').fill('First draft');
  const gapped = FIRST_DRAFT.map((line, index) => (index === 4 ? line.replace(/^5\./, '6.') : line));
  await importForm.getByLabel('Plan text').fill(gapped.join('\n'));
  await page.getByRole('region', { name: 'Problems in the text' }).waitFor();
  await both(page, 'plan-import', [1300, 2000]);
  await importForm.getByLabel('Plan text').fill(FIRST_DRAFT.join('\n'));
  await importForm.getByRole('button', { name: 'Import as a new version' }).click();
  await page.getByRole('heading', { name: 'First draft' }).waitFor();

  // The drafting editor: one point edited, the redline follows at once.
  await page.getByRole('link', { name: 'Draft a new version' }).click();
  await page.getByRole('heading', { name: /Draft a new version from “First draft/ }).waitFor();
  await page.getByRole('button', { name: 'Edit point 3' }).click();
  const edit = page.getByRole('form', { name: 'Edit point 3' });
  await edit.getByLabel('Title').fill('Bridge crossings');
  await edit
    .getByLabel('Text')
    .fill('No toll is charged on the old bridge for people on foot, bicycles or ambulances.');
  await edit.getByRole('button', { name: 'Apply to the draft' }).click();
  await page.getByRole('region', { name: 'Changes in this draft' }).locator('ol > li').first().waitFor();
  await page
    .getByRole('region', { name: /Redline against/ })
    .locator('ins')
    .first()
    .waitFor();
  await both(page, 'draft', [1800, 4200]);

  // A revised text pasted back: the inferred lineage map shows the merge and the split.
  await openTab(page, 'Plan');
  await page.getByRole('link', { name: 'Paste a revised text' }).click();
  const revised = page.getByRole('form', { name: 'Revised text' });
  await revised.getByLabel('Revised text').fill(REVISED);
  await revised.getByRole('button', { name: 'Propose the lineage' }).click();
  const map = page.getByRole('region', { name: 'Lineage map' });
  await map.getByRole('table').waitFor();
  await map
    .getByRole('row', { name: /^1\. / })
    .getByText(/Merged/i)
    .first()
    .waitFor();
  await both(page, 'revise-text', [2000, 4200]);
} finally {
  await server.close();
}
