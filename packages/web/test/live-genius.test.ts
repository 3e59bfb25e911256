// Issue #12, items 7 and 4 end to end, real server and Chromium: the mediator downloads the live
// issues as a GENIUS folder, a party asks privately whether a package exists that every party
// prefers, and the mediator proposes it to all. Nothing of one party's profile reaches the other.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDemoNegotiation, signInAs, startHarness, type Harness } from './helpers/browser-harness';
import {
  defineIssues,
  enterProfile,
  RUSSIA_VALUES,
  tab,
  UKRAINE_VALUES,
  type ProfileValues,
} from './helpers/live-analysis-flow';

let harness: Harness;

const secretsOf = (values: ProfileValues) =>
  [...values.ceiling, ...values.assets, values.reservation].map(String);

describe('GENIUS folders and the improvement check in real browsers', () => {
  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  test('download the scenario, check privately for a better package, propose it to all', async () => {
    const mediator = await signInAs(harness, 'mediator@demo.parley');
    await openDemoNegotiation(mediator.page);
    await defineIssues(mediator.page);
    const ukraine = await signInAs(harness, 'ukraine@demo.parley');
    await openDemoNegotiation(ukraine.page);
    await enterProfile(ukraine.page, UKRAINE_VALUES, true);
    const russia = await signInAs(harness, 'russia@demo.parley');
    await openDemoNegotiation(russia.page);
    await enterProfile(russia.page, RUSSIA_VALUES);

    // The mediator's folder holds the domain and the one profile shared with it.
    await tab(mediator.page, 'Issues');
    const downloading = mediator.page.waitForEvent('download');
    await mediator.page
      .getByRole('link', { name: 'Download as a GENIUS scenario (for research tools)' })
      .click();
    const download = await downloading;
    const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const files = Object.fromEntries(
      Object.entries(zip).map(([name, bytes]) => [name.split('/').pop(), strFromU8(bytes)]),
    );
    expect(Object.keys(files).sort()).toEqual([
      'domain.xml',
      'parley-mapping.json',
      'profile-01 Ukraine.xml',
    ]);
    expect(files['domain.xml']).toContain('value="no ceiling"');
    expect(files['profile-01 Ukraine.xml']).toContain(`evaluation="${UKRAINE_VALUES.ceiling[0] / 100}"`);
    expect(Object.values(files).join('')).not.toContain('Russian');

    // Ukraine asks about a package on the table that trades badly for both.
    await tab(ukraine.page, 'Suggested packages');
    const form = ukraine.page.getByRole('form', { name: 'Check for a package everyone prefers' });
    await form.getByLabel(/^Point 1\./).selectOption('600,000');
    await form.getByLabel(/^Point 2\./).selectOption('100 bn');
    await form.getByRole('button', { name: 'Check for a package everyone prefers' }).click();
    const answer = ukraine.page.getByRole('status', { name: 'Improvement check' });
    await answer.getByText('A package exists that every party prefers:').waitFor();
    expect(await answer.innerText()).toMatch(/Point 1\..*: (800,000|no ceiling)/);
    await expect(answer.getByRole('button', { name: 'Propose to all' }).count()).resolves.toBe(0);

    // The mediator proposes the package it finds; Russia sees it listed, without reasons.
    await tab(mediator.page, 'Suggested packages');
    const mediatorForm = mediator.page.getByRole('form', { name: 'Check for a package everyone prefers' });
    await mediatorForm.getByLabel(/^Point 1\./).selectOption('600,000');
    await mediatorForm.getByLabel(/^Point 2\./).selectOption('100 bn');
    await mediatorForm.getByRole('button', { name: 'Check for a package everyone prefers' }).click();
    await mediator.page.getByRole('button', { name: 'Propose to all' }).click();
    await mediator.page.getByText('Proposed to every party.').waitFor();
    await tab(russia.page, 'Suggested packages');
    await russia.page.getByRole('heading', { name: 'Proposed to all by the mediator' }).waitFor();
    const proposals = russia.page.getByRole('list', { name: 'Proposed to all by the mediator' });
    expect(await proposals.locator(':scope > li').count()).toBe(1);
    // Dated, and each point named by its number and title, as elsewhere.
    expect(await proposals.innerText()).toMatch(
      /\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}[\s\S]*Point 1\. \S/,
    );

    // Ukraine reads its own exported profile back into its form, as a draft it saves itself.
    await tab(ukraine.page, 'Issues');
    const ownDownload = ukraine.page.waitForEvent('download');
    await ukraine.page
      .getByRole('link', { name: 'Download as a GENIUS scenario (for research tools)' })
      .click();
    const ownFolder = await (await ownDownload).path();
    await tab(ukraine.page, 'Our preferences');
    const profileForm = ukraine.page.getByRole('form', { name: 'Our preferences' });
    // An edit the draft must replace: the value after loading comes from the file, not the form.
    await profileForm.getByLabel('Rating of “800,000”').fill('99');
    const loader = ukraine.page.getByRole('form', {
      name: 'Fill in from a file (GENIUS profile, from research tools)',
    });
    await loader.getByLabel('GENIUS scenario (zip)').setInputFiles(ownFolder);
    await loader.getByRole('button', { name: 'Fill in the form' }).click();
    await loader.getByText('Filled in below').waitFor();
    // The page is written for a delegation: research words only name the file format.
    expect(await ukraine.page.locator('main').innerText()).not.toMatch(
      /\bGENIUS\b(?! (scenario|profile))|folder|utilit|reservation|discount|rank-sum|evaluator|Pareto/i,
    );
    // The file holds the numbers as the analysis used them (47.3125 / 100, weight 3.6875 / 5.625):
    // the form shows what a person would type, and says that it rounded them.
    const shown = await profileForm
      .locator('input[type=number]')
      .evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value));
    expect(shown).toEqual(['11.56', '47.31', '93.81', '0.6556', '8.69', '91.44', '0.3444', '21.06', '']);
    await loader.getByText(/with more digits than the form needs were rounded/).waitFor();
    await profileForm.getByRole('button', { name: 'Save preferences' }).click();
    await profileForm.getByText(/Saved as revision 2\./).waitFor();

    // A folder with two profiles: the form offers them to choose from instead of asking for a name.
    const own = unzipSync(new Uint8Array(readFileSync(ownFolder)));
    const profileEntry = Object.keys(own).find((name) => name.endsWith('Ukraine.xml')) ?? '';
    const twoProfiles = join(mkdtempSync(join(tmpdir(), 'parley-genius-')), 'two-profiles.zip');
    writeFileSync(
      twoProfiles,
      zipSync({ ...own, [profileEntry.replace('Ukraine.xml', 'Other.xml')]: own[profileEntry]! }),
    );
    await profileForm.getByLabel('Rating of “800,000”').fill('98');
    await loader.getByLabel('GENIUS scenario (zip)').setInputFiles(twoProfiles);
    await loader.getByRole('button', { name: 'Fill in the form' }).click();
    const choice = loader.getByLabel('Your profile in this file');
    await choice.waitFor();
    expect(await choice.locator('option').allInnerTexts()).toEqual([
      'Choose a profile…',
      // in file-name order, as GENIUS folders are read
      'profile-01 Other.xml',
      'profile-01 Ukraine.xml',
    ]);
    expect(await profileForm.getByLabel('Rating of “800,000”').inputValue()).toBe('98');
    await choice.selectOption('profile-01 Ukraine.xml');
    await loader.getByRole('button', { name: 'Fill in the form' }).click();
    await loader.getByText('Filled in below').waitFor();
    expect(await profileForm.getByLabel('Rating of “800,000”').inputValue()).toBe('47.31');

    // Nothing computed from Russia's unshared profile reached Ukraine's browser, nor the reverse.
    const ukraineReceived = ukraine.bodies.join('\n');
    for (const secret of secretsOf(RUSSIA_VALUES)) expect(ukraineReceived).not.toContain(secret);
    const russiaReceived = russia.bodies.join('\n');
    for (const secret of secretsOf(UKRAINE_VALUES)) expect(russiaReceived).not.toContain(secret);

    // The mediator's own folder imported again changes nothing: the range stays a range, no warning.
    await tab(mediator.page, 'Issues');
    const reading = mediator.page.getByRole('form', { name: 'Set the options from a file' });
    await reading.getByLabel('GENIUS scenario (zip)').setInputFiles(await download.path());
    await reading.getByRole('button', { name: 'Read the file' }).click();
    const confirm = mediator.page.getByRole('form', { name: 'Choose the point each issue becomes' });
    await confirm.waitFor();
    // The page is written for a mediator: research words only name the file format.
    expect(await mediator.page.locator('main').innerText()).not.toMatch(
      /\bGENIUS\b(?! scenario)|\bdomain\b|utility space|reservation value|discount factor|evaluator|Pareto|frontier/i,
    );
    expect(await confirm.getByRole('note').count()).toBe(0);
    // Mapped elsewhere, the ceiling's options would replace point 2's range: said before confirming.
    await confirm.getByLabel(/^Point for “P1 /).selectOption({ index: 0 });
    await confirm.getByLabel(/^Point for “P2 /).selectOption({ index: 0 });
    await confirm.getByLabel(/^Point for “P1 /).selectOption({ index: 2 });
    await expect
      .poll(() => confirm.getByRole('note').innerText())
      .toMatch(/^Point 2\..* gets other options: .* no longer a numeric range/);
    // Point 3, not yet an issue, takes point 1's options: its editor shows them without a reload.
    await confirm.getByLabel(/^Point for “P1 /).selectOption({ index: 3 });
    await confirm.getByRole('button', { name: 'Set the options' }).click();
    await confirm.getByText('Options set from the file.').waitFor();
    const third = mediator.page.locator('.issue-list > li').nth(2);
    await expect.poll(() => third.getByLabel('Negotiable as').inputValue()).toBe('options');
    expect(
      await mediator.page.locator('.issue-list > li').nth(1).getByLabel('Negotiable as').inputValue(),
    ).toBe('range');
    // Ukraine's saved preferences do not rate point 3's new options: its page says they are left out.
    // (Issue definitions have no live event: the page reads them when it opens.)
    await tab(ukraine.page, 'Our preferences');
    await ukraine.page.reload();
    await expect
      .poll(() => ukraine.page.getByRole('note').allInnerTexts())
      .toContainEqual(
        expect.stringMatching(
          /do not rate every option of point 3\.[\s\S]*left out of the suggested packages/,
        ),
      );
  }, 240_000);
});
