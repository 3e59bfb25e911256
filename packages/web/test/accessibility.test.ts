// End-to-end, real server and Chromium: axe-core's WCAG 2.1 A/AA rules on the pages an audit
// found wanting (invisible text buttons, names that do not start with the visible text, scrolling
// boxes a keyboard cannot reach), in the states that show them. No serious or critical violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDemoNegotiation, signInAs, startHarness, type Harness } from './helpers/browser-harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

/** The serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the app's Content-Security-Policy does not
  // govern (a <script> tag would be refused, as it should be).
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Text buttons whose text has the colour of what is behind them (axe only lists those for review). */
async function invisibleTextButtons(page: Page): Promise<string[]> {
  return page.$$eval('button.link-button', (buttons) =>
    buttons.flatMap((button) => {
      const color = getComputedStyle(button).color;
      let ground: Element | null = button;
      let background = 'rgba(0, 0, 0, 0)';
      while (ground !== null && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) {
        background = getComputedStyle(ground).backgroundColor;
        ground = ground.parentElement;
      }
      if (/rgba\(0, 0, 0, 0\)|transparent/.test(background)) background = 'rgb(255, 255, 255)';
      return color === background ? [button.textContent ?? ''] : [];
    }),
  );
}

let harness: Harness;

describe('accessibility of the pages an audit found wanting', () => {
  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  test('the drafting editor with a change made, and a revised text with its lineage map', async () => {
    const { page, context } = await signInAs(harness, 'mediator@demo.parley');
    await openDemoNegotiation(page);
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Draft a new version' }).click();
    await page.getByRole('button', { name: 'Drop point 2', exact: true }).click();
    await page.getByRole('button', { name: /^Undo/ }).first().waitFor();
    expect(await invisibleTextButtons(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Paste a revised text' }).click();
    const revised = page.getByRole('form', { name: 'Revised text' });
    await revised
      .getByLabel('Revised text')
      .fill(['1. A ceasefire takes effect at once.', '2. Prisoners are exchanged all for all.'].join('\n'));
    await revised.getByRole('button', { name: 'Propose the lineage' }).click();
    await page.getByRole('button', { name: 'Mark as new (point 1)' }).waitFor();
    expect(await invisibleTextButtons(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('on a phone: the analysis, the comparison of versions and the plan; a page that does not exist', async () => {
    const { page, context } = await signInAs(harness, 'mediator@demo.parley', { width: 390, height: 844 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).click();
    await page.locator('table.packages').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Negotiations' }).click();
    await openDemoNegotiation(page);
    const sections = page.getByRole('navigation', { name: 'Negotiation sections' });
    await sections.getByRole('link', { name: 'Compare versions' }).click();
    await page.locator('.diagram-scroll svg').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await sections.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('heading', { name: 'Position matrix' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The lineage map on a phone: each new point's list of old points has the width of the screen,
    // neither cut to a few letters nor running under the next column.
    await sections.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Paste a revised text' }).click();
    await page
      .getByRole('form', { name: 'Revised text' })
      .getByLabel('Revised text')
      .fill(['1. A ceasefire takes effect at once.', '2. Prisoners are exchanged all for all.'].join('\n'));
    await page.getByRole('button', { name: 'Propose the lineage' }).click();
    const comesFrom = page.getByRole('listbox', { name: 'New point 1 comes from' });
    await comesFrom.waitFor();
    const box = await comesFrom.boundingBox();
    expect(box?.width).toBeGreaterThan(250);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    const reads = await page.getByRole('row').nth(1).getByRole('cell').last().boundingBox();
    expect(reads?.y).toBeGreaterThanOrEqual((box?.y ?? 0) + (box?.height ?? 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    page.once('dialog', (dialog) => void dialog.accept());

    await page.goto('/nowhere');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    // An address whose id is no id read "Some fields need correcting — Negotiation id: Invalid UUID".
    await page.goto('/n/xyz/plan');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Not found: this address names no negotiation');
    await alert.getByRole('link', { name: 'Back to your negotiations' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await context.close();
  });
});
