// Issue #12 end to end, real server and Chromium: issues on the demo plan, private profiles in
// each delegation's own browser, and suggested packages in plan terms. Every API response body
// and every realtime message that reached a party's browser is searched for the other party's
// ratings, weights, reservation and utilities.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LiveAnalysis } from '@parley/core';
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
  enterProfile,
  RUSSIA_VALUES,
  suggestPackages,
  tab,
  UKRAINE_VALUES,
  type ProfileValues,
} from './helpers/live-analysis-flow';
import { everythingReceived, recordRealtime } from './helpers/received';

let harness: Harness;

async function party(email: string): Promise<Viewer> {
  const viewer = await signInAs(harness, email);
  await recordRealtime(viewer);
  return viewer;
}

const secretsOf = (values: ProfileValues) =>
  [...values.ceiling, ...values.assets, ...values.weights, values.reservation].map(String);

describe('the live analysis in real browsers', () => {
  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  test('issues, private profiles and suggested packages, with nothing of one party reaching the other', async () => {
    const mediator = await signInAs(harness, 'mediator@demo.parley');
    await openDemoNegotiation(mediator.page);
    await defineIssues(mediator.page);
    // "Saved." stops being said once the form is edited again (a value the browser then refuses
    // to send must not sit beside it); the other form's outcome stays.
    const first = mediator.page.locator('.issue-list > li').nth(0);
    await first.getByText('Point 1 saved.').waitFor();
    await first.getByLabel('Options (one per line)').press('End');
    await first.getByLabel('Options (one per line)').type('x');
    await expect.poll(() => first.getByText('Point 1 saved.').count()).toBe(0);
    expect(await mediator.page.locator('.issue-list > li').nth(1).getByText('Point 2 saved.').count()).toBe(
      1,
    );
    await first.getByLabel('Options (one per line)').press('Backspace');

    const ukraine = await party('ukraine@demo.parley');
    await openDemoNegotiation(ukraine.page);
    await enterProfile(ukraine.page, UKRAINE_VALUES, true);
    const russia = await party('russia@demo.parley');
    await openDemoNegotiation(russia.page);
    await enterProfile(russia.page, RUSSIA_VALUES);

    // The mediator sees packages as points and options, and Ukraine's utilities (it shared), not Russia's.
    await suggestPackages(mediator.page);
    const packages = mediator.page.getByRole('list', { name: 'Suggested packages' }).getByRole('listitem');
    expect(await packages.count()).toBeGreaterThan(0);
    const firstPackage = await packages.first().innerText();
    expect(firstPackage).toMatch(/Point 1\./);
    expect(CEILING.some((option) => firstPackage.includes(option))).toBe(true);
    expect(firstPackage).toMatch(/\d+ bn/);
    expect(await mediator.page.locator('main').innerText()).not.toContain('Side A');
    await mediator.page.getByRole('img', { name: /Utility of each suggested package for Ukraine/ }).waitFor();
    const mediatorAnalysis = mediator.bodies
      .map((body) => JSON.parse(body) as Partial<LiveAnalysis>)
      .find((body) => body.packages !== undefined);
    expect(mediatorAnalysis?.disclosedParties?.map((entry) => entry.partyName)).toEqual(['Ukraine']);

    // Each party runs the analysis too: it sees the packages and its own utility.
    await suggestPackages(ukraine.page);
    await suggestPackages(russia.page);
    const ownUtilities = (viewer: Viewer) =>
      viewer.bodies
        .map((body) => JSON.parse(body) as Partial<LiveAnalysis>)
        .filter((body) => body.packages !== undefined)
        .flatMap((body) =>
          [...(body.packages ?? []), ...(body.improvements ?? [])].flatMap((entry) => entry.utilities),
        );
    // Bodies are recorded as Playwright reads them, which may trail the page's own rendering.
    await expect.poll(() => ownUtilities(russia).length).toBeGreaterThan(0);
    await expect.poll(() => ownUtilities(ukraine).length).toBeGreaterThan(0);
    const russiaOwn = ownUtilities(russia);
    const ukraineOwn = ownUtilities(ukraine);
    expect(new Set(russiaOwn.map((entry) => entry.partyName))).toEqual(new Set(['Russian Federation']));
    expect(new Set(ukraineOwn.map((entry) => entry.partyName))).toEqual(new Set(['Ukraine']));

    const check = async (viewer: Viewer, secrets: string[]) => {
      const received = await everythingReceived(viewer);
      expect(received.length).toBeGreaterThan(10);
      const leaks = secrets.filter((secret) => received.some((body) => body.includes(secret)));
      expect(leaks).toEqual([]);
    };
    // Utilities are searched for when they have enough digits not to occur by chance.
    const distinctive = (entries: { utility: number }[]) =>
      entries.map((entry) => String(entry.utility)).filter((text) => text.length >= 6);
    expect(distinctive(russiaOwn).length).toBeGreaterThan(0);
    await check(ukraine, [...secretsOf(RUSSIA_VALUES), ...distinctive(russiaOwn)]);
    await check(russia, [...secretsOf(UKRAINE_VALUES), ...distinctive(ukraineOwn)]);
    // The realtime stream was recorded (its ready event at least).
    expect((await everythingReceived(ukraine)).some((message) => message.startsWith('ready:'))).toBe(true);
    // Sanity of the search itself: each party's own values did reach its own browser.
    expect(
      (await everythingReceived(ukraine)).some((body) => body.includes(String(UKRAINE_VALUES.reservation))),
    ).toBe(true);
    for (const viewer of [mediator, ukraine, russia]) await viewer.context.close();
  }, 240_000);

  test('two windows define one point: the second sees the first change instead of undoing it', async () => {
    const first = await signInAs(harness, 'mediator@demo.parley');
    const second = await signInAs(harness, 'mediator@demo.parley');
    for (const window of [first, second]) {
      await openDemoNegotiation(window.page);
      await tab(window.page, 'Issues');
    }
    const thirdOf = (window: Viewer) => window.page.locator('.issue-list > li').nth(2);
    // The second window starts its edit before the first saves.
    await thirdOf(second).getByLabel('Negotiable as').selectOption('options');
    await thirdOf(second).getByLabel('Options (one per line)').fill('later\nsooner');
    await thirdOf(first).getByLabel('Negotiable as').selectOption('options');
    await thirdOf(first).getByLabel('Options (one per line)').fill('first window\nits other option');
    await thirdOf(first).getByRole('button', { name: 'Save point 3' }).click();
    await thirdOf(first).getByText('Point 3 saved.').waitFor();
    // The same editor saves again: what it replaces is its own last save, not a change meanwhile.
    await thirdOf(first).getByLabel('Options (one per line)').fill('first window\nits other option ');
    await thirdOf(first).getByRole('button', { name: 'Save point 3' }).click();
    await expect.poll(() => thirdOf(first).getByRole('status').innerText()).toBe('Point 3 saved.');
    expect(await thirdOf(first).getByRole('region', { name: 'The other change' }).count()).toBe(0);

    await thirdOf(second).getByRole('button', { name: 'Save point 3' }).click();
    const conflict = thirdOf(second).getByRole('region', { name: 'The other change' });
    await expect
      .poll(() => conflict.innerText())
      .toContain('Saved meanwhile: first window · its other option');
    // What the second window typed is still there, to save over theirs or to drop.
    expect(await thirdOf(second).getByLabel('Options (one per line)').inputValue()).toBe('later\nsooner');
    await conflict.getByRole('button', { name: 'Keep theirs' }).click();
    expect(await thirdOf(second).getByLabel('Options (one per line)').inputValue()).toBe(
      'first window\nits other option',
    );
    // Having seen theirs, the second window saves on top of it knowingly.
    await thirdOf(second).getByRole('button', { name: 'Save point 3' }).click();
    await expect.poll(() => thirdOf(second).getByRole('status').innerText()).toBe('Point 3 saved.');
    await first.page.reload();
    await tab(first.page, 'Issues');
    expect(await thirdOf(first).getByLabel('Options (one per line)').inputValue()).toBe(
      'first window\nits other option',
    );
    for (const window of [first, second]) await window.context.close();
  }, 120_000);

  test('preferences being typed survive another section and a reload, and are forgotten once saved', async () => {
    // Russia saved its preferences in the first test.
    const russia = await signInAs(harness, 'russia@demo.parley');
    await openDemoNegotiation(russia.page);
    await tab(russia.page, 'Our preferences');
    const form = russia.page.getByRole('form', { name: 'Our preferences' });
    const reservation = form.getByLabel(/^Value of no agreement/);
    const rating = form.getByLabel('Rating of “800,000”');
    await reservation.fill('44.5');
    await rating.fill('71.25');
    await tab(russia.page, 'Deadlines');
    await russia.page.getByRole('heading', { name: 'Deadlines' }).first().waitFor();
    await tab(russia.page, 'Our preferences');
    await expect.poll(() => reservation.inputValue()).toBe('44.5');
    expect(await rating.inputValue()).toBe('71.25');
    expect(await form.getByText('the unsaved work you left here').count()).toBe(1);
    await russia.page.reload();
    await expect.poll(() => reservation.inputValue()).toBe('44.5');

    // Saved, it is the profile: a reload shows it, and no unsaved work. (The test before made
    // point 3 an issue, which a profile must rate to be saved.)
    await reservation.fill(String(RUSSIA_VALUES.reservation));
    await rating.fill(String(RUSSIA_VALUES.ceiling[1]));
    await form.getByLabel('Rating of “first window”').fill('30');
    await form.getByLabel('Rating of “its other option”').fill('60');
    await form.getByRole('button', { name: 'Save preferences' }).click();
    await form.getByText(/Saved as revision \d+\./).waitFor();
    await russia.page.reload();
    await expect.poll(() => reservation.inputValue()).toBe(String(RUSSIA_VALUES.reservation));
    expect(await form.getByText('unsaved work').count()).toBe(0);
    await russia.context.close();
  }, 120_000);

  test('preferences that fail their checks list each problem once, each linked to its field', async () => {
    // Russia saved its preferences in the first test; two ratings are cleared again.
    const russia = await signInAs(harness, 'russia@demo.parley');
    await openDemoNegotiation(russia.page);
    await tab(russia.page, 'Our preferences');
    const form = russia.page.getByRole('form', { name: 'Our preferences' });
    await form.getByLabel('Rating of “600,000”').fill('');
    await form.getByLabel('Rating at 0 bn').fill('');
    await form.getByRole('button', { name: 'Save preferences' }).click();

    const summary = form.getByRole('group', { name: 'Your preferences were not saved' });
    await summary.waitFor();
    const items = await summary.getByRole('listitem').allInnerTexts();
    expect(items).toEqual(
      expect.arrayContaining(['Point 1: rate "600,000".', 'Point 2: rate its lowest value, 0 bn.']),
    );
    // Said once: the summary is the only place each problem is written.
    const text = await form.innerText();
    for (const item of items) expect(text.split(item)).toHaveLength(2);
    expect(await form.getByRole('alert').count()).toBe(0);
    // The summary has the focus, and each item leads to its field.
    expect(await russia.page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe(
      await summary.getAttribute('aria-labelledby'),
    );
    await summary.getByRole('link', { name: 'Point 1: rate "600,000".' }).click();
    const rating = form.getByLabel('Rating of “600,000”');
    expect(await russia.page.evaluate(() => document.activeElement?.id)).toBe(
      await rating.getAttribute('id'),
    );
    expect(await rating.getAttribute('aria-invalid')).toBe('true');
    await russia.context.close();
  }, 120_000);

  // The summary once split the server's sentences at each "Point " after a full stop: this option
  // made two items of one problem, the second linked to point 2.
  test('a problem about an option whose name reads like a sentence about another point links to that option', async () => {
    const option = 'No. Point 2 as written';
    const mediator = await signInAs(harness, 'mediator@demo.parley');
    await openDemoNegotiation(mediator.page);
    await tab(mediator.page, 'Issues');
    const first = mediator.page.locator('.issue-list > li').nth(0);
    await first.getByLabel('Options (one per line)').fill([...CEILING, option].join('\n'));
    await first.getByRole('button', { name: 'Save point 1' }).click();
    await first.getByText('Point 1 saved.').waitFor();
    await mediator.context.close();

    const russia = await signInAs(harness, 'russia@demo.parley');
    await openDemoNegotiation(russia.page);
    await tab(russia.page, 'Our preferences');
    const form = russia.page.getByRole('form', { name: 'Our preferences' });
    await form.getByLabel(`Rating of “${option}”`).waitFor();
    await form.getByLabel('Rating at 0 bn').fill('');
    await form.getByRole('button', { name: 'Save preferences' }).click();

    const summary = form.getByRole('group', { name: 'Your preferences were not saved' });
    await summary.waitFor();
    // Point 3 (the test above made it an issue) is unrated too.
    const items = await summary.getByRole('listitem').allInnerTexts();
    expect(items.filter((item) => item.includes('Point 2'))).toEqual([
      `Point 1: rate "${option}".`,
      'Point 2: rate its lowest value, 0 bn.',
    ]);
    await summary.getByRole('link', { name: `Point 1: rate "${option}".` }).click();
    const rating = form.getByLabel(`Rating of “${option}”`);
    expect(await russia.page.evaluate(() => document.activeElement?.id)).toBe(
      await rating.getAttribute('id'),
    );
    expect(await rating.getAttribute('aria-invalid')).toBe('true');
    await russia.context.close();
  }, 120_000);
});
