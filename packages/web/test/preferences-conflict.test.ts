// Issue #11 item 8, no lost updates, on the preferences form: two members of one delegation edit
// its profile at once in their own browsers. The second to save is shown what the first saved and
// chooses: save theirs over it, or keep the first's. Real server (demo loaded) and Chromium.
import type { MyProfile } from '@parley/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../../server/src/demo';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';
import {
  CEILING,
  defineIssues,
  RUSSIA_VALUES,
  tab,
  UKRAINE_VALUES,
  type ProfileValues,
} from './helpers/live-analysis-flow';
import { postFrom } from './helpers/second-window';

let harness: Harness;
let lead: Viewer;
let delegate: Viewer;

const formOf = (viewer: Viewer) => viewer.page.getByRole('form', { name: 'Our preferences' });
const reservationOf = (viewer: Viewer) => formOf(viewer).getByLabel(/^Value of no agreement/);

/** Types a whole profile into the form, without saving it. */
async function fillProfile(page: Page, values: ProfileValues): Promise<void> {
  const form = page.getByRole('form', { name: 'Our preferences' });
  const groups = form.getByRole('group');
  const ceiling = groups.filter({ has: page.getByText('Rating of “600,000”') });
  for (const [index, option] of CEILING.entries())
    await ceiling.getByLabel(`Rating of “${option}”`).fill(String(values.ceiling[index]));
  await ceiling.getByLabel(/^Weight of point/).fill(String(values.weights[0]));
  const assets = groups.filter({ has: page.getByText('Rating at 0 bn') });
  await assets.getByLabel('Rating at 0 bn').fill(String(values.assets[0]));
  await assets.getByLabel('Rating at 100 bn').fill(String(values.assets[1]));
  await assets.getByLabel(/^Weight of point/).fill(String(values.weights[1]));
  await form.getByLabel(/^Value of no agreement/).fill(String(values.reservation));
}

async function openPreferences(viewer: Viewer): Promise<void> {
  await openDemoNegotiation(viewer.page);
  await tab(viewer.page, 'Our preferences');
  await formOf(viewer).getByLabel('Rating of “600,000”').waitFor();
}

/** The delegation's profile as the server stores it, read from a member's own browser. */
const storedProfile = (viewer: Viewer) =>
  viewer.page.evaluate(
    async (negotiationId) =>
      ((await (await fetch(`/api/negotiations/${negotiationId}/preferences`)).json()) as MyProfile).profile,
    DEMO_NEGOTIATION.id,
  );

// The second member's values: none is a substring of the first's, so the page's text tells them apart.
const DELEGATE_VALUES: ProfileValues = { ...RUSSIA_VALUES, reservation: 33.4375 };

describe('two members of one delegation save its preferences at once', () => {
  beforeAll(async () => {
    harness = await startHarness();
    const mediator = await signInAs(harness, 'mediator@demo.parley');
    await openDemoNegotiation(mediator.page);
    await defineIssues(mediator.page);
    await mediator.context.close();
    // Ukraine's lead seats its former lead again, as a delegate: a second member who may state
    // the delegation's preferences.
    lead = await signInAs(harness, DEMO_ACCOUNTS.ukraine.email);
    const status = await postFrom(
      lead.page,
      `/api/negotiations/${DEMO_NEGOTIATION.id}/parties/${DEMO_PARTIES.ukraine.id}/members`,
      { userId: DEMO_ACCOUNTS.ukraineFormer.id, function: 'delegate' },
    );
    expect(status).toBe(201);
    delegate = await signInAs(harness, DEMO_ACCOUNTS.ukraineFormer.email);
  }, 240_000);

  afterAll(async () => {
    await harness?.close();
  });

  test('the second to save sees the first change and saves theirs over it', async () => {
    await Promise.all([openPreferences(lead), openPreferences(delegate)]);
    // The delegate starts typing before the lead saves.
    await fillProfile(delegate.page, DELEGATE_VALUES);
    await fillProfile(lead.page, UKRAINE_VALUES);
    await formOf(lead).getByRole('button', { name: 'Save preferences' }).click();
    await formOf(lead).getByText('Saved as revision 1.').waitFor();

    await formOf(delegate).getByRole('button', { name: 'Save preferences' }).click();
    const conflict = formOf(delegate).getByRole('region', { name: 'The other change' });
    await conflict.waitFor();
    const text = await conflict.innerText();
    expect(text).toContain('Someone in your delegation saved revision 1 on');
    // The values the lead saved, each beside the delegate's own, as they reached this browser.
    expect(text).toContain(
      `Value of no agreement: ${UKRAINE_VALUES.reservation} (yours: ${DELEGATE_VALUES.reservation})`,
    );
    expect(text).toContain(
      `Point 1, rating of “600,000”: ${UKRAINE_VALUES.ceiling[0]} (yours: ${DELEGATE_VALUES.ceiling[0]})`,
    );
    expect(await conflict.getByRole('button', { name: 'Save mine over it' }).count()).toBe(1);
    expect(await conflict.getByRole('button', { name: 'Keep theirs' }).count()).toBe(1);
    const summary = formOf(delegate).getByRole('group', { name: 'Your preferences were not saved' });
    expect(await summary.innerText()).toContain('save yours over it, or keep theirs');
    // Nothing typed is lost meanwhile.
    expect(await reservationOf(delegate).inputValue()).toBe(String(DELEGATE_VALUES.reservation));

    await conflict.getByRole('button', { name: 'Save mine over it' }).click();
    await formOf(delegate).getByText('Saved as revision 2.').waitFor();
    expect(await conflict.count()).toBe(0);
    const stored = await storedProfile(lead);
    expect(stored?.revision).toBe(2);
    expect(stored?.reservation).toBe(DELEGATE_VALUES.reservation);
    // Saved, the work is no longer kept in the tab: a reload shows the stored profile, no notice.
    await delegate.page.reload();
    await expect.poll(() => reservationOf(delegate).inputValue()).toBe(String(DELEGATE_VALUES.reservation));
    expect(await formOf(delegate).getByText('unsaved work').count()).toBe(0);
  }, 180_000);

  test('the second to save keeps the first change instead: the form then holds theirs', async () => {
    await Promise.all([lead.page.reload(), delegate.page.reload()]);
    for (const viewer of [lead, delegate]) await formOf(viewer).getByLabel('Rating of “600,000”').waitFor();
    // The lead edits revision 2 and the delegate too; the lead saves first.
    await reservationOf(delegate).fill('12.8125');
    await reservationOf(lead).fill('47.0625');
    await formOf(lead).getByRole('button', { name: 'Save preferences' }).click();
    await formOf(lead).getByText('Saved as revision 3.').waitFor();

    await formOf(delegate).getByRole('button', { name: 'Save preferences' }).click();
    const conflict = formOf(delegate).getByRole('region', { name: 'The other change' });
    await expect
      .poll(() => conflict.innerText())
      .toContain('Value of no agreement: 47.0625 (yours: 12.8125)');
    // Only the reservation differs: the rest of the two forms is the same revision 2.
    expect(await conflict.getByRole('listitem').count()).toBe(1);
    await conflict.getByRole('button', { name: 'Keep theirs' }).click();

    expect(await reservationOf(delegate).inputValue()).toBe('47.0625');
    expect(await formOf(delegate).getByLabel('Rating of “600,000”').inputValue()).toBe(
      String(DELEGATE_VALUES.ceiling[0]),
    );
    expect(await conflict.count()).toBe(0);
    expect(await formOf(delegate).getByText('Revision 3.').count()).toBe(1);
    // Theirs is the saved profile now: nothing of the delegate's is kept in the tab.
    expect(await formOf(delegate).getByText('unsaved work').count()).toBe(0);
    await delegate.page.reload();
    await expect.poll(() => reservationOf(delegate).inputValue()).toBe('47.0625');
    expect(await formOf(delegate).getByText('unsaved work').count()).toBe(0);
    // A save from the form now builds on revision 3, without a second conflict.
    await formOf(delegate).getByRole('button', { name: 'Save preferences' }).click();
    await formOf(delegate).getByText('Saved as revision 4.').waitFor();
    expect((await storedProfile(lead))?.reservation).toBe(47.0625);
  }, 180_000);
});
