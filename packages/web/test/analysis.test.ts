// End-to-end, real server and Chromium: the sign-in page's demo accounts and the Analysis view.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Analysis } from '@parley/core';
import { DEMO_PASSWORD, signInAs, startHarness, type Harness } from './helpers/browser-harness';

let harness: Harness;
const SCENARIOS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../scenarios');

describe('demo sign-in and the Analysis view in a real browser', () => {
  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test('the sign-in page lists the demo accounts and signs in as one of them', async () => {
    const context = await harness.browser.newContext({ baseURL: harness.server.url });
    const page = await context.newPage();
    await page.goto('/');
    const demo = page.getByRole('region', { name: 'Demo accounts' });
    await demo.waitFor();
    const text = await demo.innerText();
    for (const email of ['mediator@demo.parley', 'ukraine@demo.parley', 'russia@demo.parley'])
      expect(text).toContain(email);
    // The server never publishes the demo password (issue #13): the visitor types it.
    expect(text).not.toContain(DEMO_PASSWORD);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await demo.getByRole('button', { name: 'Sign in as ukraine@demo.parley' }).click();
    await page.getByRole('heading', { name: 'Your negotiations' }).waitFor();
    expect(await page.getByLabel('Signed in as').innerText()).toMatch(/\S/);
    await context.close();
  });

  test('the charts are fetched only with the analysis page; a page whose script fails to arrive says so and the app goes on', async () => {
    const context = await harness.browser.newContext({ baseURL: harness.server.url });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/');
    await page.getByLabel('Email').fill('mediator@demo.parley');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Your negotiations' }).waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => script.includes('analysis-page'))).toEqual([]);

    // As after a redeploy that removed the old script, or a dropped connection.
    await page.route('**/assets/analysis-page-*.js', (route) => route.abort('connectionfailed'));
    const main = page.getByRole('navigation', { name: 'Main' });
    await main.getByRole('link', { name: 'Analysis' }).click();
    const failure = page.getByRole('alert');
    await failure.waitFor();
    expect(await failure.innerText()).toContain('This page could not be loaded');
    expect(await failure.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    await main.getByRole('link', { name: 'Negotiations' }).click();
    await page.getByRole('heading', { name: 'Your negotiations' }).waitFor();

    await page.unroute('**/assets/analysis-page-*.js');
    await page.reload();
    await main.getByRole('link', { name: 'Analysis' }).click();
    await page.getByRole('heading', { name: 'Pareto frontier' }).waitFor();
    expect(scripts.some((script) => script.includes('analysis-page'))).toBe(true);
    await context.close();
  });

  test('the Analysis view charts the example frontier, shows the Nash package, and reports a broken scenario', async () => {
    const context = await harness.browser.newContext({
      baseURL: harness.server.url,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page
      .getByRole('region', { name: 'Demo accounts' })
      .getByRole('button', { name: 'Sign in as mediator@demo.parley' })
      .click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).click();
    await page.getByRole('heading', { name: 'Pareto frontier' }).waitFor();

    const frontierDots = page.locator('.frontier-points .recharts-symbols');
    await expect.poll(() => frontierDots.count()).toBeGreaterThan(1);
    expect(await page.locator('.solution-nash .recharts-symbols').count()).toBe(1);
    // Every chart a keyboard reaches has a name a screen reader announces (a walk-through found
    // the contention chart's empty).
    const charts = page.getByRole('application');
    await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(2);
    for (const chart of await charts.all()) {
      const name = await chart.evaluate((element) => element.querySelector('title')?.textContent ?? '');
      expect(name).not.toBe('');
    }
    await page.getByRole('application', { name: 'Contention per issue' }).waitFor();

    // The Nash column of the packages table names one of each issue's options, for every issue of the example.
    const scenario = JSON.parse(await page.getByLabel('Scenario (Parley JSON)').inputValue()) as {
      issues: { name: string; values: string[] }[];
    };
    const table = page.locator('table.packages');
    const nashColumn = (await table.locator('thead th').allInnerTexts()).indexOf('Nash');
    expect(nashColumn).toBeGreaterThan(0);
    const rows = table.locator('tbody tr:not(.utility-row)');
    expect(await rows.count()).toBe(scenario.issues.length);
    for (const [index, issue] of scenario.issues.entries()) {
      const row = rows.nth(index);
      expect(await row.locator('th').innerText()).toBe(issue.name);
      expect(issue.values).toContain(
        (
          await row
            .locator('td')
            .nth(nashColumn - 1)
            .innerText()
        ).trim(),
      );
    }

    // An uploaded three-party scenario: the axes can show any two of the parties.
    const threeParties = JSON.parse(await page.getByLabel('Scenario (Parley JSON)').inputValue()) as {
      parties: { name: string }[];
    };
    const [first] = threeParties.parties;
    if (first === undefined) throw new Error('the example has no parties');
    threeParties.parties.push({ ...first, name: 'Side C' });
    const file = JSON.stringify(threeParties);
    await page
      .getByLabel('Upload a scenario file')
      .setInputFiles({ name: 'three.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => page.getByLabel('Scenario (Parley JSON)').inputValue()).toBe(file);
    await page.getByRole('button', { name: 'Analyse' }).click();
    // The button was disabled while it ran: the focus goes to the results, not to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Pareto frontier');
    await page.getByLabel('Vertical axis').selectOption({ label: 'Side C' });
    await expect
      .poll(() => page.locator('figure.chart').first().getAttribute('aria-label'))
      .toBe("Pareto frontier: Side A's utility against Side C's");
    await expect
      .poll(() => page.locator('figure.chart').first().textContent())
      .toContain('Side C reservation');
    expect(await frontierDots.count()).toBeGreaterThan(1);

    // A scenario the engine rejects: the 400 problem's detail is shown.
    await page
      .getByLabel('Scenario (Parley JSON)')
      .fill(JSON.stringify({ format: 'parley-scenario/1', parties: [], issues: [] }));
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('the scenario has no issues');
    // Readable at 390 px: nothing forces sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  test('a GENIUS folder uploaded as a zip is read into the scenario and analysed; a broken one is named', async () => {
    const { page, context } = await signInAs(harness, 'mediator@demo.parley');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).click();
    await page.getByRole('heading', { name: 'Pareto frontier' }).waitFor();
    const folder = join(SCENARIOS, 'anac2011-Laptop');
    const files = Object.fromEntries(
      readdirSync(folder)
        .filter((name) => name.endsWith('.xml'))
        .map((name) => [`Laptop/${name}`, new Uint8Array(readFileSync(join(folder, name)))]),
    );
    const upload = page.getByLabel('Upload a scenario file');
    await upload.setInputFiles({
      name: 'Laptop.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipSync(files)),
    });
    await page.getByText('Laptop.zip read as the scenario below: analyse it.').waitFor();
    const scenario = JSON.parse(await page.getByLabel('Scenario (Parley JSON)').inputValue()) as {
      format: string;
      issues: { name: string }[];
    };
    expect(scenario.format).toBe('parley-scenario/1');
    expect(scenario.issues.map((issue) => issue.name)).toEqual(['Laptop', 'Harddisk', 'External Monitor']);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect
      .poll(() => page.locator('table.packages tbody th').allInnerTexts())
      .toEqual(expect.arrayContaining(['Laptop', 'Harddisk', 'External Monitor']));

    // A folder with one profile cannot be analysed: said in words, next to the upload.
    const oneProfile = Object.fromEntries(Object.entries(files).filter(([name]) => !name.includes('seller')));
    await upload.setInputFiles({
      name: 'one.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipSync(oneProfile)),
    });
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('expected at least two profiles');
    await context.close();
  });

  test('with a package on the table the view marks it, lists its Pareto improvements and trades from it', async () => {
    const { page, context, bodies } = await signInAs(harness, 'mediator@demo.parley');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).click();
    const form = page.getByRole('form', { name: 'Package on the table' });
    await form.waitFor();
    // The form starts from the Nash package; put the first option of every issue on the table instead.
    const scenario = JSON.parse(await page.getByLabel('Scenario (Parley JSON)').inputValue()) as {
      issues: { name: string; values: string[] }[];
    };
    const chosen = Object.fromEntries(scenario.issues.map((issue) => [issue.name, issue.values[0] ?? '']));
    for (const [issue, option] of Object.entries(chosen))
      await form.getByLabel(issue, { exact: true }).selectOption(option);
    const sent = page.waitForRequest(
      (request) => request.url().endsWith('/api/analysis') && request.method() === 'POST',
    );
    await form.getByRole('button', { name: 'Evaluate this package' }).click();
    const request = await sent;
    expect((request.postDataJSON() as { package: unknown }).package).toEqual(chosen);
    const analysis = (await (await request.response())?.json()) as Analysis;
    expect(analysis.package?.outcome).toEqual(chosen);
    expect(analysis.improvements.length).toBeGreaterThan(0);

    // What the page shows is what the server answered: every improvement, with each side's gain, none negative.
    const improvements = page.getByRole('list', { name: 'Pareto improvements' }).locator('li');
    await expect.poll(() => improvements.count()).toBe(analysis.improvements.length);
    for (const [index, improvement] of analysis.improvements.entries()) {
      expect(improvement.gains.every((gain) => gain >= -1e-9)).toBe(true);
      const text = await improvements.nth(index).innerText();
      const changed = scenario.issues
        .map((issue) => issue.name)
        .filter((issue) => improvement.outcome[issue] !== chosen[issue]);
      for (const issue of changed) expect(text).toContain(`${issue} → ${improvement.outcome[issue]}`);
    }
    expect(await page.locator('.current-package .recharts-symbols').count()).toBe(1);
    expect(await page.locator('.improvement-points .recharts-symbols').count()).toBe(
      analysis.improvements.length,
    );
    expect(await page.getByRole('region', { name: 'Trade suggestions' }).innerText()).toContain(
      'the package on the table',
    );
    expect(bodies.some((body) => body.includes('"improvements":[{'))).toBe(true);

    // Clearing the package goes back to trades from the Nash package, without improvements.
    const cleared = page.waitForRequest(
      (candidate) => candidate.url().endsWith('/api/analysis') && candidate.method() === 'POST',
    );
    await form.getByRole('button', { name: 'Clear the package' }).click();
    expect((await cleared).postDataJSON()).not.toHaveProperty('package');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Improvements on the package on the table' }).count())
      .toBe(0);
    await context.close();
  });
});
