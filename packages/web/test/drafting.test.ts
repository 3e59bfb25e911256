// End-to-end drafting in the web app: the real server (PGlite, demo loaded) and Debian's Chromium.
// The mediator imports a plan from a document, drafts and revises versions; parties see the
// result. Every assertion is on what reached a browser (the page or an API body it received).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';

const RUN = `${Date.now() % 100_000}`;
let harness: Harness;
let mediator: Viewer;
let ukraine: Viewer;

// Three points under two headings, numbered in the text (see fixtures/README.md).
const WORD_PLAN = readFileSync(path.join(import.meta.dirname, 'fixtures/harbour-accord.docx'));

/** The mediator, in a second window, retitles a point and saves that as a new version. */
async function saveInAnotherWindow({ point, label }: { point: number; label: string }) {
  const other = await signInAs(harness, 'mediator@demo.parley');
  await openDemoNegotiation(other.page);
  await other.page.getByRole('link', { name: 'Plan', exact: true }).click();
  await other.page.getByRole('link', { name: 'Draft a new version' }).click();
  await other.page.getByRole('button', { name: `Edit point ${point}`, exact: true }).click();
  await other.page
    .getByRole('form', { name: `Edit point ${point}` })
    .getByLabel('Title')
    .fill(label);
  await other.page.getByRole('button', { name: 'Apply to the draft' }).click();
  const theirs = other.page.getByRole('form', { name: 'Save the draft' });
  await theirs.getByLabel('New version label').fill(label);
  await theirs.getByRole('button', { name: 'Save as a new version' }).click();
  await other.page.getByRole('heading', { name: 'Lineage' }).waitFor();
  await other.context.close();
}

describe('drafting in a real browser', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [mediator, ukraine] = await Promise.all([
      signInAs(harness, 'mediator@demo.parley'),
      signInAs(harness, 'ukraine@demo.parley'),
    ]);
    await Promise.all([mediator, ukraine].map((viewer) => openDemoNegotiation(viewer.page)));
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  // First, while the newest version is still the demo's Florida text (later tests import others).
  test("the leaders' decision to amend a point leads to the draft, focused on that point", async () => {
    const { page } = mediator;
    await page
      .getByRole('navigation', { name: 'Negotiation sections' })
      .getByRole('link', { name: 'Plan', exact: true })
      .click();
    await page
      .getByRole('link', { name: /^\d+\. Territorial arrangements$/ })
      .first()
      .click();
    const escalation = page.getByRole('region', { name: 'Escalation', exact: true });
    await escalation.getByText('Record the leaders’ decision', { exact: true }).click();
    const decide = escalation.getByRole('form', { name: /^Record the decision of/ });
    await decide.getByLabel('Outcome').selectOption('amended');
    await decide.getByLabel('What they decided').fill(`Recognition left out; the line frozen ${RUN}.`);
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await escalation.getByRole('link', { name: 'Draft the amended wording' }).click();
    await page.getByRole('heading', { name: /^Draft a new version from/ }).waitFor();
    // The focus is on that point's Edit button, in the draft's card for Territorial arrangements.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/^Edit point \d+$/);
    const card = await page.evaluate(() => document.activeElement?.closest('li')?.innerText ?? '');
    expect(card).toContain('Territorial arrangements');
  });

  test('the mediator imports a plan from a Word file after fixing the problems shown inline', async () => {
    const { page } = mediator;
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Import a plan from a document' }).click();
    const form = page.getByRole('form', { name: 'Import a plan' });
    await form.getByLabel('Version label').fill(`Harbour accord ${RUN}`);
    await form.getByLabel('Plan text').fill('1. Berths. Ships berth in order.\n3. Fees. Fees are fixed.\n');
    const problems = page.getByRole('region', { name: 'Problems in the text' });
    await expect
      .poll(() => problems.innerText())
      .toContain('line 2: point 3 follows point 1; point 2 is missing');
    expect(await problems.getByRole('alert').innerText()).toBe(
      '1 problem in the text: nothing can be stored until it is fixed.',
    );
    expect(await form.getByRole('button', { name: 'Import as a new version' }).isDisabled()).toBe(true);
    // A disabled button says what it waits for.
    expect(await form.getByText(/^To import, the form still needs/).innerText()).toContain(
      'a numbered text that reads without problems',
    );
    // A line that lost its number is read into the point above: the form names it, by its line.
    await form.getByLabel('Plan text').fill('1. Berths — Ships berth in order.\nFees are fixed\n');
    const joined = form.getByRole('region', { name: 'Lines read into the point above' });
    await expect.poll(() => joined.innerText()).toContain('Fees are fixed');
    expect(await joined.innerText()).toContain('read as part of point 1');
    await form.getByLabel('Plan text').fill('1. Berths. Ships berth in order.\n');
    await expect.poll(() => form.getByRole('status').innerText()).toMatch(/^1 point read/);
    expect(await joined.count()).toBe(0);
    // "1. Berths. Ships…" is two sentences to the parser, not a title: the form says how to write one.
    expect(await form.getByRole('status').innerText()).toContain('No point has a title');

    await form
      .getByLabel('Upload a file (.md, .txt or .docx)')
      .setInputFiles({ name: 'accord.docx', mimeType: 'application/octet-stream', buffer: WORD_PLAN });
    await expect
      .poll(() => form.getByLabel('Plan text').inputValue())
      .toContain('Ships berth in the order they arrive.');
    await expect.poll(() => form.getByRole('status').innerText()).toContain('3 points read');
    expect(await problems.count()).toBe(0);
    // A reload before importing keeps the pasted text and its label, and says so.
    await page.reload();
    await expect
      .poll(() => form.getByLabel('Plan text').inputValue())
      .toContain('Ships berth in the order they arrive.');
    expect(await form.getByLabel('Version label').inputValue()).toBe(`Harbour accord ${RUN}`);
    expect(await page.getByText(/^This is the unsaved work you left here/).count()).toBe(1);
    await form.getByRole('button', { name: 'Import as a new version' }).click();
    await page.getByRole('heading', { name: `Harbour accord ${RUN}` }).waitFor();
    // Once imported, the text is not offered again.
    await page.getByRole('link', { name: 'Import a plan from a document' }).click();
    expect(await form.getByLabel('Plan text').inputValue()).toBe('');
    await page.goBack();
    await page.getByRole('heading', { name: `Harbour accord ${RUN}` }).waitFor();
    await expect.poll(() => page.locator('ol.points').innerText()).toContain('Pilots');

    // A party reads the new version (the plan is shared with every participant).
    await ukraine.page.reload();
    await ukraine.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await expect
      .poll(() => ukraine.page.getByRole('combobox', { name: 'Version' }).locator('option').allInnerTexts())
      .toEqual(expect.arrayContaining([`Harbour accord ${RUN} (3 points)`]));
    // …but is not offered the mediator's drafting links.
    expect(await ukraine.page.getByRole('link', { name: 'Import a plan from a document' }).count()).toBe(0);
  });

  test('the mediator drafts a version with a merge, a split and a retitle, redlined live, as a single text', async () => {
    const { page } = mediator;
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Draft a new version' }).click();
    await page.getByRole('heading', { name: /Draft a new version from “Harbour accord/ }).waitFor();
    const redline = page.getByRole('region', { name: /Redline against/ });
    await expect.poll(() => redline.innerText()).toContain('No differences');

    await page.getByRole('button', { name: 'Merge with next (point 1)' }).click();
    const merge = page.getByRole('form', { name: 'Merge points 1 and 2' });
    await merge.getByLabel('Title').fill('Berths and pilots');
    await merge.getByRole('button', { name: 'Apply merge' }).click();
    await expect.poll(() => redline.innerText()).toMatch(/1 \+ 2 → 1\s*merged/i);

    await page.getByRole('button', { name: 'Split point 2' }).click();
    const split = page.getByRole('form', { name: 'Split point 2' });
    await split.getByLabel('Second part: Title').fill('Review');
    await split.getByLabel('Second part: Text').fill(`Fees are reviewed in year five ${RUN}.`);
    await split.getByRole('button', { name: 'Apply split' }).click();
    await expect.poll(() => redline.innerText()).toMatch(/3 → 2 \+ 3\s*split/i);
    expect(await redline.locator('ins').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining(RUN)]),
    );

    await page.getByRole('button', { name: 'Edit point 1' }).click();
    await page.getByRole('form', { name: 'Edit point 1' }).getByLabel('Title').fill('Port entry');
    await page.getByRole('button', { name: 'Apply to the draft' }).click();
    const changes = page.getByRole('region', { name: 'Changes in this draft' });
    await expect.poll(() => changes.locator('ol > li').count()).toBe(3);
    // Changes name points as the parent numbers them, and the list says so.
    expect(await changes.innerText()).toMatch(/Points are named by their number in “.+”\./);

    const save = page.getByRole('form', { name: 'Save the draft' });
    await save.getByLabel('New version label').fill(`Drafted ${RUN}`);
    await save.getByRole('checkbox', { name: /Name the proposing party/ }).uncheck();
    await save.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByRole('heading', { name: 'Lineage' }).waitFor();
    // The saved draft's page opens with the focus on its content, not lost on the body (#11).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await expect.poll(() => page.getByLabel('Summary of changes').innerText()).toMatch(/Merged\s*1/i);
    expect(await page.getByLabel('Summary of changes').innerText()).toMatch(/Split\s*1/i);

    // Ukraine's open page learns of the new version live and can read it.
    await ukraine.page.getByRole('link', { name: 'Compare versions' }).click();
    await expect
      .poll(() =>
        ukraine.page.getByRole('combobox', { name: 'To', exact: true }).locator('option').allInnerTexts(),
      )
      .toEqual(expect.arrayContaining([`Drafted ${RUN} (3 points)`]));
  });

  test('two windows edit one position: the second gets a 409, sees the first change and redoes its own', async () => {
    const second = await signInAs(harness, 'ukraine@demo.parley');
    await openDemoNegotiation(second.page);
    const open = async (viewer: Viewer) => {
      await viewer.page.getByRole('link', { name: 'Plan', exact: true }).click();
      await viewer.page.locator('ol.points > li').first().getByRole('link').click();
      return viewer.page.getByRole('form', { name: 'Record your position' });
    };
    const [first, late] = [await open(ukraine), await open(second)];
    await late.getByLabel('Note').fill(`Second window ${RUN}`);

    await first.getByLabel('Stance').selectOption('reject');
    await first.getByLabel('Note').fill(`First window ${RUN}`);
    await first.getByRole('button', { name: 'Record position' }).click();
    await expect.poll(() => first.getByRole('status').innerText()).toContain('Position recorded');
    // The live update reaches the second window, which keeps the user's edit and says so.
    await expect.poll(() => late.getByRole('status').first().innerText()).toContain('changed this position');

    await late.getByRole('button', { name: 'Record position' }).click();
    await expect.poll(() => late.getByRole('alert').innerText()).toMatch(/Someone changed this/);
    const other = late.getByRole('region', { name: 'The other change' });
    await expect.poll(() => other.innerText()).toContain(`First window ${RUN}`);
    // The alert agrees with the choice below it: a reload would throw the typed note away.
    expect(await late.getByRole('alert').innerText()).not.toMatch(/reload/i);
    await other.getByRole('button', { name: 'Save mine over it' }).click();
    await expect.poll(() => late.getByRole('status').innerText()).toContain('Position recorded');

    // Nothing was lost silently: the first window now shows the second's note, live.
    await expect.poll(() => ukraine.page.locator('main').innerText()).toContain(`Second window ${RUN}`);
    await expect.poll(() => first.getByLabel('Note').inputValue()).toBe(`Second window ${RUN}`);
    await second.context.close();
  });

  test('the mediator pastes a revised text, corrects the inferred lineage and creates the version', async () => {
    const { page } = mediator;
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Paste a revised text' }).click();
    const revised = page.getByRole('form', { name: 'Revised text' });
    await revised
      .getByLabel('Revised text')
      .fill(
        [
          '1. Port entry. Ships berth in the order they arrive. Every ship takes a licensed pilot.',
          `2. Fees and review. Fees are fixed for five years and reviewed in year five ${RUN}.`,
          '3. Safety. A harbour master inspects every berth each month.',
        ].join('\n'),
      );
    await revised.getByRole('button', { name: 'Propose the lineage' }).click();
    const map = page.getByRole('region', { name: 'Lineage map' });
    await map.getByRole('table').waitFor();
    // The form that had the focus gave way to the map: its heading has the focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null))
      .toBe('Lineage map');
    const row = (number: number) => map.getByRole('row', { name: new RegExp(`^${number}\\. `) });
    await expect.poll(() => row(2).innerText()).toMatch(/Merged/i);
    await expect.poll(() => row(3).innerText()).toMatch(/Added/i);

    // Unlink old point 3 from new point 2: it is listed as dropped and the redline follows.
    const from2 = map.getByLabel('New point 2 comes from');
    const oldIds = await from2
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(await row(2).innerText()).toMatch(/proposed with \d+ % confidence/);
    await from2.selectOption([oldIds[1] ?? '']);
    // The confidence was Parley's in its own links, not in the mediator's.
    await expect.poll(() => row(2).innerText()).toContain('as you linked it');
    const dropped = page.getByRole('region', { name: 'Dropped points' });
    await expect.poll(() => dropped.innerText()).toContain('Review');
    await expect
      .poll(() => page.getByRole('region', { name: 'Redline with this map' }).innerText())
      .toMatch(/dropped/i);
    // …and link it back.
    await from2.selectOption([oldIds[1] ?? '', oldIds[2] ?? '']);
    await expect.poll(() => dropped.innerText()).toContain('Every old point is carried');
    await expect.poll(() => row(2).innerText()).toMatch(/proposed with \d+ % confidence/);
    // Old point 3 linked to new point 3 as well: the map names the old point that now feeds two.
    const from3 = map.getByLabel('New point 3 comes from');
    await from3.selectOption([oldIds[2] ?? '']);
    const joins = page.getByRole('region', { name: 'Old points that feed several new points' });
    await expect.poll(() => joins.innerText()).toContain('Old point 3 feeds new points 2 and 3.');
    await map.getByRole('button', { name: 'Mark as new (point 3)' }).click();
    await expect.poll(() => joins.count()).toBe(0);
    // The button disabled itself: the focus is on that point's links, not on the page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'New point 3 comes from',
    );

    const create = page.getByRole('form', { name: 'Create the revised version' });
    await create.getByLabel('New version label').fill(`Revised ${RUN}`);
    await create.getByRole('button', { name: 'Create the version' }).click();
    await page.getByRole('heading', { name: 'Lineage' }).waitFor();
    const summary = page.getByLabel('Summary of changes');
    await expect.poll(() => summary.innerText()).toMatch(/Merged\s*1/i);
    expect(await summary.innerText()).toMatch(/Amended\s*1/i);
    expect(await summary.innerText()).toMatch(/Added\s*1/i);

    // Ukraine's position on point 1 followed its point and is flagged for review (the text changed).
    await ukraine.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await expect
      .poll(() =>
        ukraine.page.getByRole('combobox', { name: 'Version' }).locator('option:checked').innerText(),
      )
      .toContain(`Revised ${RUN}`);
    await ukraine.page.locator('ol.points > li').first().getByRole('link').click();
    await expect.poll(() => ukraine.page.locator('main').innerText()).toContain('needs review');
  });

  test('a version saved in another window keeps the draft in progress, which is then saved on top', async () => {
    const { page } = mediator;
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Draft a new version' }).click();
    // Opened without ?from= (a bookmark, a reload): the draft is made from the newest version.
    await page.goto(page.url().split('?')[0] ?? '');
    const heading = page.getByRole('heading', { name: /^Draft a new version from/ });
    const parentHeading = await heading.innerText();
    await page.getByRole('button', { name: 'Edit point 1', exact: true }).click();
    await page.getByRole('form', { name: 'Edit point 1' }).getByLabel('Title').fill(`Kept ${RUN}`);
    await page.getByRole('button', { name: 'Apply to the draft' }).click();
    const changes = page.getByRole('region', { name: 'Changes in this draft' });
    await expect.poll(() => changes.locator('ol > li').count()).toBe(1);
    await page
      .getByRole('form', { name: 'Save the draft' })
      .getByLabel('New version label')
      .fill(`Mine ${RUN}`);

    // The same mediator, in a second window, saves another version first.
    await saveInAnotherWindow({ point: 2, label: `Theirs ${RUN}` });

    // The first window learns of it live, and keeps its parent, its change and its label.
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining(`“Theirs ${RUN}” was saved meanwhile`)]));
    expect(await heading.innerText()).toBe(parentHeading);
    expect(await changes.locator('ol > li').count()).toBe(1);
    const save = page.getByRole('form', { name: 'Save the draft' });
    expect(await save.getByLabel('New version label').inputValue()).toBe(`Mine ${RUN}`);
    await save.getByRole('button', { name: 'Save as a new version' }).click();
    const conflict = save.getByRole('region', { name: 'The other change' });
    await expect.poll(() => conflict.innerText()).toContain(`Theirs ${RUN}`);
    // Only the way forward is offered: no "reload to see the current version", which loses the draft.
    expect(await save.getByRole('alert').count()).toBe(0);
    // The draft touched point 1 only and theirs point 2: it is applied to their version, keeping both.
    await conflict.getByRole('button', { name: `Apply my changes to “Theirs ${RUN}”` }).click();
    await page.getByRole('heading', { name: 'Lineage' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain(`Kept ${RUN}`);
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    const newest = page.locator('ol.points');
    await expect.poll(() => newest.innerText()).toContain(`Kept ${RUN}`);
    expect(await newest.innerText()).toContain(`Theirs ${RUN}`);
  });

  test('a draft that changes a point someone changed meanwhile is not saved over their change', async () => {
    const { page } = mediator;
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Draft a new version' }).click();
    await page.getByRole('button', { name: 'Edit point 3', exact: true }).click();
    await page.getByRole('form', { name: 'Edit point 3' }).getByLabel('Title').fill(`Ours on 3 ${RUN}`);
    await page.getByRole('button', { name: 'Apply to the draft' }).click();
    const save = page.getByRole('form', { name: 'Save the draft' });
    await save.getByLabel('New version label').fill(`Ours ${RUN}`);
    await saveInAnotherWindow({ point: 3, label: `Other on 3 ${RUN}` });
    await save.getByRole('button', { name: 'Save as a new version' }).click();
    const conflict = save.getByRole('region', { name: 'The other change' });
    // Saved from its own parent, the draft became the newest version without the other change.
    await expect.poll(() => conflict.innerText()).toContain('changed point 3, which your draft changes too');
    expect(await conflict.getByRole('button').count()).toBe(0);
    expect(await save.getByRole('button', { name: 'Save as a new version' }).isDisabled()).toBe(true);
    await conflict.getByRole('link', { name: `start again from “Other on 3 ${RUN}”` }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /^Draft a new version from/ }).innerText())
      .toContain(`Other on 3 ${RUN}`);
  });

  test('a revised text whose parent moved on meanwhile is created after it, with its map kept', async () => {
    const { page } = mediator;
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Paste a revised text' }).click();
    const revised = page.getByRole('form', { name: 'Revised text' });
    await revised
      .getByLabel('Revised text')
      .fill(
        [
          '1. Port entry. Ships berth in the order they arrive, with a licensed pilot.',
          `2. Fees. Fees are fixed for five years ${RUN}.`,
          '3. Safety. A harbour master inspects every berth each month.',
        ].join('\n'),
      );
    await revised.getByRole('button', { name: 'Propose the lineage' }).click();
    await page.getByRole('region', { name: 'Lineage map' }).getByRole('table').waitFor();

    // Another window of the mediator saves a version first.
    await saveInAnotherWindow({ point: 1, label: `Meanwhile ${RUN}` });

    const create = page.getByRole('form', { name: 'Create the revised version' });
    await create.getByLabel('New version label').fill(`Late ${RUN}`);
    await create.getByRole('button', { name: 'Create the version' }).click();
    // Not "reload to see the current version", which would lose the map: which version was saved
    // meanwhile, and the ways forward instead (issue #11 item 8).
    const conflict = create.getByRole('region', { name: 'The other change' });
    await expect.poll(() => conflict.innerText()).toContain(`Meanwhile, someone saved “Meanwhile ${RUN}” on`);
    expect(await conflict.innerText()).not.toContain('reload');
    await conflict.getByRole('button', { name: /^Create mine from “.+” anyway$/ }).click();
    await page.getByRole('heading', { name: 'Lineage' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain(`Late ${RUN}`);
  });

  test('the drafting editor puts the focus in each form it opens, and back on the button when it closes', async () => {
    const { page } = mediator;
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Draft a new version' }).click();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return {
          form: element?.closest('form')?.getAttribute('aria-label') ?? null,
          tag: element?.tagName ?? null,
          label: element?.getAttribute('aria-label') ?? null,
        };
      });
    const opensAndCloses = async (opener: string, form: string, close: () => Promise<void>) => {
      await page.getByRole('button', { name: opener, exact: true }).click();
      await expect.poll(focused).toEqual({ form, tag: 'INPUT', label: null });
      await close();
      await expect.poll(focused).toMatchObject({ label: opener });
    };
    const cancel = (form: string) => () =>
      page.getByRole('form', { name: form }).getByRole('button', { name: 'Cancel' }).click();
    await opensAndCloses('Edit point 1', 'Edit point 1', cancel('Edit point 1'));
    await opensAndCloses('Split point 2', 'Split point 2', cancel('Split point 2'));
    await opensAndCloses('Add after (point 1)', 'New point after 1', async () => {
      const form = page.getByRole('form', { name: 'New point after 1' });
      await form.getByLabel('Text').fill(`Focus kept ${RUN}.`);
      await form.getByRole('button', { name: 'Add to the draft' }).click();
    });
    await opensAndCloses('Edit point 1', 'Edit point 1', async () => {
      await page.getByRole('form', { name: 'Edit point 1' }).getByLabel('Title').fill(`Focused ${RUN}`);
      await page.getByRole('button', { name: 'Apply to the draft' }).click();
    });
    await expect
      .poll(() => page.getByRole('region', { name: 'Changes in this draft' }).locator('ol > li').count())
      .toBe(2);
    // A one-click drop: its button goes, and the focus lands on the changes, not on the page.
    await page.getByRole('button', { name: 'Drop point 3', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null))
      .toBe('Changes in this draft');
    // Leaves nothing kept for the next test.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByText('No change yet', { exact: false }).waitFor();
  });

  test('a draft in progress survives another section and a reload until it is discarded; closing the tab asks first', async () => {
    const { page } = mediator;
    const sections = page.getByRole('navigation', { name: 'Negotiation sections' });
    await sections.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Draft a new version' }).click();
    const changes = page.getByRole('region', { name: 'Changes in this draft' });
    await changes.getByText('No change yet', { exact: false }).waitFor();
    // A fresh draft cannot be saved yet, and the form says why beside the greyed-out button.
    const saveForm = page.getByRole('form', { name: 'Save the draft' });
    expect(await saveForm.getByText(/^To save, the form still needs/).innerText()).toBe(
      'To save, the form still needs a change to the draft and a version label.',
    );
    await page.getByRole('button', { name: 'Edit point 1', exact: true }).click();
    await page.getByRole('form', { name: 'Edit point 1' }).getByLabel('Title').fill(`Survives ${RUN}`);
    await page.getByRole('button', { name: 'Apply to the draft' }).click();
    await page.getByRole('button', { name: 'Add after (point 1)', exact: true }).click();
    const added = page.getByRole('form', { name: 'New point after 1' });
    await added.getByLabel('Text').fill(`Added ${RUN}.`);
    await added.getByRole('button', { name: 'Add to the draft' }).click();
    const label = page.getByRole('form', { name: 'Save the draft' }).getByLabel('New version label');
    await label.fill(`Kept label ${RUN}`);
    await expect.poll(() => changes.locator('ol > li').count()).toBe(2);
    const isTheSameDraft = async () => {
      await expect.poll(() => changes.locator('ol > li').count()).toBe(2);
      expect(await changes.innerText()).toContain(`Added ${RUN}`);
      expect(await label.inputValue()).toBe(`Kept label ${RUN}`);
      expect(await page.getByRole('button', { name: 'Discard draft' }).count()).toBe(1);
    };

    await sections.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByRole('heading', { name: /Draft a new version/ }).waitFor({ state: 'detached' });
    await page.goBack();
    await isTheSameDraft();
    await page.reload();
    await isTheSameDraft();

    // Closing the tab (whose storage goes with it) asks first; dismissed, the page stays.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    await isTheSameDraft();

    // Undo removes its own button: the focus goes to the list of changes, not to the page.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await changes.getByRole('button', { name: 'Undo change 2' }).click();
    await expect.poll(() => changes.locator('ol > li').count()).toBe(1);
    await expect.poll(focused).toBe('Changes in this draft');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await changes.getByText('No change yet', { exact: false }).waitFor();
    expect(await label.inputValue()).toBe('');
    // The notice went with the draft: the focus is on the page's heading.
    await expect.poll(focused).toMatch(/^Draft a new version from/);
    await page.reload();
    await changes.getByText('No change yet', { exact: false }).waitFor();
  });

  test('a revised text and its corrected map survive another section until discarded', async () => {
    const { page } = mediator;
    const sections = page.getByRole('navigation', { name: 'Negotiation sections' });
    await sections.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Paste a revised text' }).click();
    await page
      .getByRole('form', { name: 'Revised text' })
      .getByLabel('Revised text')
      .fill(
        [
          '1. Port entry. Ships berth in the order they arrive, with a licensed pilot.',
          `2. Fees. Fees are fixed for seven years ${RUN}.`,
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Propose the lineage' }).click();
    const map = page.getByRole('region', { name: 'Lineage map' });
    const markNew = map.getByRole('button', { name: 'Mark as new (point 1)' });
    await expect.poll(() => markNew.isEnabled()).toBe(true);
    await markNew.click();
    await expect.poll(() => markNew.isEnabled()).toBe(false);
    const create = page.getByRole('form', { name: 'Create the revised version' });
    // The greyed-out button says what it waits for.
    const createButton = create.getByRole('button', { name: 'Create the version' });
    expect(await createButton.isDisabled()).toBe(true);
    expect(await create.getByText(/^To create the version, the form still needs/).innerText()).toBe(
      'To create the version, the form still needs a version label.',
    );
    await create.getByLabel('New version label').fill(`Revised later ${RUN}`);
    expect(await createButton.getAttribute('aria-describedby')).toBeNull();

    await sections.getByRole('link', { name: 'Overview', exact: true }).click();
    await map.waitFor({ state: 'detached' });
    await page.goBack();
    // The map is back as corrected (point 1 still new), with its label, not the empty text field.
    await expect.poll(() => markNew.isEnabled()).toBe(false);
    expect(await create.getByLabel('New version label').inputValue()).toBe(`Revised later ${RUN}`);
    await page.getByRole('button', { name: 'Edit the text again' }).click();
    expect(await page.getByRole('textbox', { name: 'Revised text' }).inputValue()).toContain(
      `seven years ${RUN}`,
    );

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Revised text' }).inputValue()).toBe('');
  });
});
