// Issue #12 item 6 end to end, real server (with its job queue) and Chromium: the mediator
// simulates the live talks, watches the job and reads the result in plan terms; a party sees no
// such section and no simulation reaches its browser.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LiveSimulation } from '@parley/core';
import { openDemoNegotiation, signInAs, startHarness, type Harness } from './helpers/browser-harness';
import { CEILING, defineIssues, enterProfile, tab, UKRAINE_VALUES } from './helpers/live-analysis-flow';

let harness: Harness;

describe('simulating the live talks in a real browser', () => {
  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  test('the mediator starts a simulation, sees its progress and the likely package', async () => {
    const mediator = await signInAs(harness, 'mediator@demo.parley');
    await openDemoNegotiation(mediator.page);
    await defineIssues(mediator.page);
    // Ukraine shares its preferences; Russia states none and is drawn at random.
    const ukraine = await signInAs(harness, 'ukraine@demo.parley');
    await openDemoNegotiation(ukraine.page);
    await enterProfile(ukraine.page, { ...UKRAINE_VALUES, discount: 0.8 }, true);

    await tab(mediator.page, 'Suggested packages');
    const form = mediator.page.getByRole('form', { name: 'Simulate the talks' });
    await form.getByLabel('Protocol').selectOption('mediated');
    await form.getByLabel('Runs').fill('150');
    // Strategies are described in words, not shown as the engine's names.
    expect(
      await form.getByLabel('Strategy of every agent').locator('option[value="boulware"]').innerText(),
    ).toBe('Boulware — holds out, concedes near the deadline');
    await form.getByLabel('Strategy of every agent').selectOption('conceder');
    await form.getByRole('button', { name: 'Start the simulation' }).click();
    await mediator.page.getByText(/Russian Federation has no preferences .* drawn at random/).waitFor();
    // The set-up names what the agents were given, in a mediator's words: Ukraine shared, so its
    // value of no agreement and what an agreement keeps by the deadline (its discount factor).
    const setUp = mediator.page.getByRole('table', {
      name: /^What each delegation stated, as its agent used it/,
    });
    expect(
      await setUp
        .getByRole('row', { name: /Ukraine/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual(['21.1', '80 % of its value']);
    expect(await setUp.innerText()).not.toMatch(/walk-away|reservation|discount factor/i);
    await mediator.page
      .getByRole('status')
      .filter({ hasText: /Simulation completed: 150 of 150 runs/ })
      .waitFor({ timeout: 60_000 });
    // How long the agents bargained, in what they did (the engine's "steps" are its own word).
    const statusLine = await mediator.page
      .getByRole('status')
      .filter({ hasText: /Simulation completed/ })
      .innerText();
    expect(statusLine).toMatch(
      / · up to \d+ proposals by the mediator (before .+, [\d.]+ h away|over \d+ days)/,
    );
    expect(statusLine).not.toMatch(/\bsteps?\b/);
    // "Simulation queued." said when it was started; once it has run, the status line speaks.
    await expect.poll(() => form.getByText('Simulation queued.').count()).toBe(0);
    // That line had the focus: it goes to what the run did, not to the page.
    await expect
      .poll(() => mediator.page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Simulation outcome');
    // When it was started, on the negotiation's clock: a later change of preferences is not in it.
    await mediator.page
      .getByText(/^Started \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(Europe\/Zurich\), from the issues/)
      .waitFor();

    const result = mediator.page.getByLabel('Simulation result');
    await expect.poll(() => result.innerText()).toMatch(/Probability of agreement by the deadline: \d+ %/);
    const likely = mediator.page.getByRole('definition');
    const choices = await mediator.page.getByLabel('Likely package').innerText();
    expect(choices).toMatch(/Point 1\./);
    expect(CEILING.some((option) => choices.includes(option))).toBe(true);
    expect(choices).toMatch(/\d+ bn/);
    expect(await likely.count()).toBeGreaterThanOrEqual(2);
    // How often exactly this package was agreed, in words: a bare "0 %" read as a fault.
    expect(await result.getByText(/exactly this package/).innerText()).toMatch(
      /^(No run agreed on exactly this package: .+|Every agreement was exactly this package\.|(Under 1|Over 99|\d{1,2}) % of agreements were exactly this package\.)$/,
    );
    // Ukraine shared: its row is there; Russia stated nothing: it has none.
    const utilities = await result.getByRole('rowheader').allInnerTexts();
    expect(utilities).toEqual(['Ukraine']);
    const job = mediator.bodies
      .map((body) => JSON.parse(body) as Partial<LiveSimulation>)
      .find((body) => body.status === 'completed' && body.result !== undefined);
    expect(job?.protocol).toBe('mediated');
    expect(job?.agent).toBe('conceder');

    // A delegation sees no such section, and no simulation ever reaches its browser.
    await tab(ukraine.page, 'Suggested packages');
    await ukraine.page.getByRole('button', { name: 'Suggest packages' }).waitFor();
    expect(await ukraine.page.getByRole('heading', { name: 'Simulate the talks' }).count()).toBe(0);
    expect(ukraine.bodies.some((body) => body.includes(job?.id ?? 'no job'))).toBe(false);
    for (const viewer of [mediator, ukraine]) await viewer.context.close();
  }, 240_000);
});
