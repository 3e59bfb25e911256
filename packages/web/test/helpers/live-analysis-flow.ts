// The issue #12 flow on the demo, shared by the browser test and the screenshot script: the
// mediator defines issues, each delegation enters its private profile in its own browser.
import type { Page } from 'playwright-core';

export const CEILING = ['600,000', '800,000', 'no ceiling'];

/** Values no other number on the demo pages has, so a test can search every body for them. */
export type ProfileValues = {
  ceiling: [number, number, number];
  assets: [number, number];
  weights: [number, number];
  reservation: number;
  /** GENIUS discount factor over the time to the next deadline; left empty when absent. */
  discount?: number;
};
// No value is a substring of another party's (12.125 would contain 2.125).
export const UKRAINE_VALUES: ProfileValues = {
  ceiling: [11.5625, 47.3125, 93.8125],
  assets: [8.6875, 91.4375],
  weights: [3.6875, 1.9375],
  reservation: 21.0625,
};
export const RUSSIA_VALUES: ProfileValues = {
  ceiling: [96.0625, 62.5625, 5.8125],
  assets: [83.3125, 6.4375],
  weights: [2.3125, 4.8125],
  reservation: 18.9375,
};

export async function tab(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Negotiation sections' })
    .getByRole('link', { name, exact: true })
    .click();
}

/**
 * The mediator makes one point an options issue (the ceiling) and another a range (billions) on
 * the newest version: points 1 and 2 for the tests, the armed forces (5) and the frozen assets
 * (10) of the Florida text where a reader sees them (the user guide's screenshots).
 */
export async function defineIssues(page: Page, points = { options: 1, range: 2 }): Promise<void> {
  await tab(page, 'Issues');
  await page.getByRole('heading', { name: 'Issues and options' }).waitFor();
  const first = page.locator('.issue-list > li').nth(points.options - 1);
  await first.getByLabel('Negotiable as').selectOption('options');
  await first.getByLabel('Options (one per line)').fill(CEILING.join('\n'));
  await first.getByRole('button', { name: `Save point ${points.options}` }).click();
  await first.getByText(`Point ${points.options} saved.`).waitFor();
  const second = page.locator('.issue-list > li').nth(points.range - 1);
  await second.getByLabel('Negotiable as').selectOption('range');
  await second.getByLabel('From').fill('0');
  await second.getByLabel('To').fill('100');
  await second.getByLabel('Step').fill('25');
  await second.getByLabel('Unit').fill('bn');
  await second.getByRole('button', { name: `Save point ${points.range}` }).click();
  await second.getByText(`Point ${points.range} saved.`).waitFor();
}

/** A delegation rates, weighs, states its reservation and saves (revision 1). */
export async function enterProfile(page: Page, values: ProfileValues, share = false): Promise<void> {
  await tab(page, 'Our preferences');
  const form = page.getByRole('form', { name: 'Our preferences' });
  await form.waitFor();
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
  if (values.discount !== undefined)
    await form.getByLabel(/^Value kept by waiting/).fill(String(values.discount));
  if (share) await form.getByLabel('Share with the mediator').check();
  await form.getByRole('button', { name: 'Save preferences' }).click();
  await form.getByText(/Saved as revision 1\./).waitFor();
}

export async function suggestPackages(page: Page): Promise<void> {
  await tab(page, 'Suggested packages');
  await page.getByRole('button', { name: 'Suggest packages' }).click();
  await page.getByRole('list', { name: 'Suggested packages' }).waitFor();
}
