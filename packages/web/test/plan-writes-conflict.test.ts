// Issue #11 item 8, no lost updates, on the plan's new versions: a version saved meanwhile answers
// 409, and the second window is told what was saved (and which chosen amendments it decided), keeps
// what was typed or pasted, and is offered only what still makes sense. Each second viewer's
// page has no live updates (its event stream is refused), so it still shows what it loaded when
// the first one acts. Real server (demo loaded) and Chromium.
import type { PlanOverview } from '@parley/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION } from '../../server/src/demo';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';
import { openPoint, proposeAmendment, read, section, withoutLiveUpdates } from './helpers/second-window';

const RUN = `${Date.now() % 100_000}`;
const API = `/api/negotiations/${DEMO_NEGOTIATION.id}`;

let harness: Harness;
let mediator: Viewer;
let ukraine: Viewer;

describe('new versions saved from two windows at once', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [mediator, ukraine] = await Promise.all([
      signInAs(harness, DEMO_ACCOUNTS.mediator.email),
      signInAs(harness, DEMO_ACCOUNTS.ukraine.email),
    ]);
    await withoutLiveUpdates(ukraine.page);
    await Promise.all([openDemoNegotiation(mediator.page), openDemoNegotiation(ukraine.page)]);
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test('a second window adopting an amendment adopted meanwhile is told by which version, and offered nothing to redo', async () => {
    const text = `Point 3 said more plainly ${RUN}.`;
    await openPoint(ukraine.page, 3);
    await proposeAmendment(ukraine.page, text);
    const second = await signInAs(harness, DEMO_ACCOUNTS.mediator.email);
    await withoutLiveUpdates(second.page);
    await openDemoNegotiation(second.page);
    const adoptOf = (page: Page) => page.getByRole('region', { name: 'Adopt amendments into a new version' });
    const chose = async (page: Page, label: string) => {
      await section(page, 'Plan');
      await adoptOf(page)
        .getByRole('checkbox', { name: new RegExp(`Point 3 — Ukraine.*${RUN}`) })
        .check();
      await adoptOf(page).getByLabel('New version label').fill(label);
    };
    await chose(second.page, `Second window ${RUN}`);
    await chose(mediator.page, `First window ${RUN}`);
    await adoptOf(mediator.page)
      .getByRole('button', { name: /Create version adopting 1/ })
      .click();
    await mediator.page.getByRole('heading', { name: 'Lineage' }).waitFor();

    await adoptOf(second.page)
      .getByRole('button', { name: /Create version adopting 1/ })
      .click();
    const conflict = adoptOf(second.page).getByRole('region', { name: 'The other change' });
    await expect
      .poll(() => conflict.innerText())
      .toMatch(new RegExp(`^No version was created. Meanwhile, someone saved “First window ${RUN}” on \\d`));
    const text2 = await conflict.innerText();
    expect(text2).toContain(`Point 3 — Ukraine: adopted into “First window ${RUN}”`);
    expect(text2).toContain('None of the amendments you chose is open any more.');
    // Refreshed: the adopted amendment is no longer offered, and no version adopting it can be made.
    await expect
      .poll(() =>
        adoptOf(second.page)
          .getByRole('checkbox', { name: new RegExp(RUN) })
          .count(),
      )
      .toBe(0);
    const plan = await read<PlanOverview>(second, `${API}/plan`);
    expect(plan.versions.map((version) => version.label)).not.toContain(`Second window ${RUN}`);
    await second.context.close();
  }, 120_000);

  test('a plan pasted for import while another was imported stays, says what was saved, and can be imported as well', async () => {
    const second = await signInAs(harness, DEMO_ACCOUNTS.mediator.email);
    await withoutLiveUpdates(second.page);
    await openDemoNegotiation(second.page);
    const importing = async (page: Page, label: string, text: string) => {
      await section(page, 'Plan');
      await page.getByRole('link', { name: 'Import a plan from a document' }).click();
      const form = page.getByRole('form', { name: 'Import a plan' });
      await form.getByLabel('Version label').fill(label);
      await form.getByLabel('Plan text').fill(text);
      await expect.poll(() => form.getByRole('status').innerText()).toMatch(/^1 point read/);
      return form;
    };
    const secondText = `1. Harbour. Ships berth in order ${RUN}.\n`;
    const secondForm = await importing(second.page, `Harbour B ${RUN}`, secondText);
    const firstForm = await importing(
      mediator.page,
      `Harbour A ${RUN}`,
      '1. Harbour. Ships berth at dawn.\n',
    );
    await firstForm.getByRole('button', { name: 'Import as a new version' }).click();
    await mediator.page.getByRole('heading', { name: `Harbour A ${RUN}` }).waitFor();

    await secondForm.getByRole('button', { name: 'Import as a new version' }).click();
    const conflict = secondForm.getByRole('region', { name: 'The other change' });
    await expect
      .poll(() => conflict.innerText())
      .toMatch(new RegExp(`^Meanwhile, someone saved “Harbour A ${RUN}” on \\d`));
    expect(await conflict.innerText()).toContain('Yours is not imported yet, and your text is still here.');
    expect(await secondForm.getByLabel('Plan text').inputValue()).toBe(secondText);
    expect(
      await conflict.getByRole('link', { name: 'paste a revised text of it' }).getAttribute('href'),
    ).toMatch(/\/plan\/revise\?from=/);
    await conflict.getByRole('button', { name: 'Import mine as well' }).click();
    await second.page.getByRole('heading', { name: `Harbour B ${RUN}` }).waitFor();
    const labels = (await read<PlanOverview>(second, `${API}/plan`)).versions.map((version) => version.label);
    expect(labels).toEqual(expect.arrayContaining([`Harbour A ${RUN}`, `Harbour B ${RUN}`]));
    await second.context.close();
  }, 120_000);
  test('a revised text pasted while another version was saved names it, keeps the text, and can be based on it', async () => {
    const second = await signInAs(harness, DEMO_ACCOUNTS.mediator.email);
    await withoutLiveUpdates(second.page);
    await openDemoNegotiation(second.page);
    await section(second.page, 'Plan');
    await second.page.getByRole('link', { name: 'Paste a revised text' }).click();
    const pasted = `1. Harbour. Ships berth in the order they arrive ${RUN}.\n`;
    const revised = second.page.getByRole('form', { name: 'Revised text' });
    await revised.getByLabel('Revised text').fill(pasted);
    await revised.getByRole('button', { name: 'Propose the lineage' }).click();
    const create = second.page.getByRole('form', { name: 'Create the revised version' });
    await create.getByLabel('New version label').fill(`Harbour revised ${RUN}`);

    // Meanwhile the first window imports a version of its own.
    const status = await mediator.page.evaluate(
      async ({ api, label }) => {
        const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
        const plan = (await (await fetch(`${api}/plan`)).json()) as { revision: number };
        const response = await fetch(`${api}/plan/import`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({
            label,
            text: '1. Quay. Ships moor at the quay.\n',
            baseRevision: plan.revision,
          }),
        });
        return response.status;
      },
      { api: API, label: `Quay ${RUN}` },
    );
    expect(status).toBe(201);

    await create.getByRole('button', { name: 'Create the version' }).click();
    const conflict = create.getByRole('region', { name: 'The other change' });
    await expect
      .poll(() => conflict.innerText())
      .toMatch(new RegExp(`^Meanwhile, someone saved “Quay ${RUN}” on \\d`));
    expect(await conflict.innerText()).toContain(
      'Yours is not created yet: your pasted text and this map are still here.',
    );
    expect(await second.page.getByText(/reload/i).count()).toBe(0);
    expect(await conflict.getByRole('button', { name: /^Create mine from “.+” anyway$/ }).count()).toBe(1);

    await conflict.getByRole('button', { name: `Base my text on “Quay ${RUN}”` }).click();
    await second.page.getByRole('heading', { name: `Paste a revised text of “Quay ${RUN}”` }).waitFor();
    const again = second.page.getByRole('form', { name: 'Revised text' });
    expect(await again.getByLabel('Revised text').inputValue()).toBe(pasted);
    await again.getByRole('button', { name: 'Propose the lineage' }).click();
    await create.getByLabel('New version label').fill(`Harbour revised ${RUN}`);
    await create.getByRole('button', { name: 'Create the version' }).click();
    await second.page.getByRole('heading', { name: 'Lineage' }).waitFor();
    const versions = (await read<PlanOverview>(second, `${API}/plan`)).versions;
    const quay = versions.find((version) => version.label === `Quay ${RUN}`);
    const made = versions.find((version) => version.label === `Harbour revised ${RUN}`);
    expect(made?.parentId).toBe(quay?.id);
    await second.context.close();
  }, 120_000);
});
