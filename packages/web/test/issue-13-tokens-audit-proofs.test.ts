// Issue #13 in a real browser (real server, Debian Chromium): API tokens are created, listed and
// revoked in Settings, and an audit entry is verified in the browser against the signed checkpoint.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';

let harness: Harness;
let ukraine: Viewer;
let mediator: Viewer;

async function openSettings(viewer: Viewer) {
  await viewer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await viewer.page.getByRole('heading', { name: 'API tokens' }).waitFor();
}

async function openAuditLog(viewer: Viewer) {
  await viewer.page
    .getByRole('navigation', { name: 'Negotiation sections' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await viewer.page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem').first().waitFor();
}

const bearerStatus = (token: string) =>
  fetch(`${harness.server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } }).then(
    (r) => r.status,
  );

describe('issue 13 in the browser: tokens and inclusion proofs', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [ukraine, mediator] = await Promise.all([
      signInAs(harness, 'ukraine@demo.parley'),
      signInAs(harness, 'mediator@demo.parley'),
    ]);
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  test('creates a token in Settings, lists it without its secret, and revokes it', async () => {
    const { page } = ukraine;
    await openSettings(ukraine);
    const form = page.getByRole('form', { name: 'Create an API token' });
    await form.getByLabel('Token name').fill('nightly export');
    await form.getByLabel(/Expires after/).fill('30');
    await form.getByRole('button', { name: 'Create token' }).click();
    const secretField = page.getByRole('region', { name: 'New token' }).getByRole('textbox');
    await expect.poll(() => secretField.inputValue()).toMatch(/^pt_\S{20,}$/);
    const secret = await secretField.inputValue();
    expect(await secretField.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await bearerStatus(secret)).toBe(200);

    const table = page.getByRole('table', { name: 'Your API tokens' });
    const row = table.getByRole('row').filter({ hasText: 'nightly export' });
    await row.waitFor();
    const expected = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(await row.innerText()).toContain(expected);
    expect(await row.innerText()).toContain('this session');
    // The list the browser received names the token but never carries its secret.
    const lists = ukraine.bodies.filter((body) => body.includes('"isFromThisSession"'));
    expect(lists.some((body) => body.includes('nightly export'))).toBe(true);
    expect(lists.some((body) => body.includes(secret))).toBe(false);

    await row.getByRole('button', { name: 'Revoke nightly export' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'revoked' }).innerText())
      .toContain('nightly export');
    // The table goes when its last token does: read it without waiting for one to appear.
    await expect
      .poll(async () =>
        (await table.count()) === 0 ? '' : table.innerText({ timeout: 1_000 }).catch(() => ''),
      )
      .not.toContain('nightly export');
    // Focus lands on the sentence saying what happened, so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('revoked');
    expect(await bearerStatus(secret)).toBe(401);
  });

  test('a too-long lifetime is refused in the form, next to the field', async () => {
    const { page } = ukraine;
    const form = page.getByRole('form', { name: 'Create an API token' });
    await form.getByLabel('Token name').fill('forever');
    const days = form.getByLabel(/Expires after/);
    await days.fill('500');
    await form.getByRole('button', { name: 'Create token' }).click();
    expect(await days.evaluate((input: HTMLInputElement) => input.validationMessage)).not.toBe('');
    expect(ukraine.bodies.some((body) => body.includes('"forever"'))).toBe(false);
  });

  test('signing out with "revoke tokens created in this session" ends those tokens', async () => {
    const viewer = await signInAs(harness, 'observer@demo.parley');
    await openSettings(viewer);
    const form = viewer.page.getByRole('form', { name: 'Create an API token' });
    await form.getByLabel('Token name').fill('laptop');
    await form.getByRole('button', { name: 'Create token' }).click();
    const secretField = viewer.page.getByRole('region', { name: 'New token' }).getByRole('textbox');
    await expect.poll(() => secretField.inputValue()).toMatch(/^pt_/);
    const secret = await secretField.inputValue();
    await viewer.page
      .getByRole('button', { name: 'Sign out and revoke tokens created in this session' })
      .click();
    await viewer.page.getByLabel('Password').waitFor();
    expect(await bearerStatus(secret)).toBe(401);
    await viewer.context.close();
  });

  test('the tokens section is usable on a 390 px phone', async () => {
    const phone = await signInAs(harness, 'russia@demo.parley', { width: 390, height: 844 });
    await openSettings(phone);
    const form = phone.page.getByRole('form', { name: 'Create an API token' });
    await form.getByLabel('Token name').fill('phone');
    await form.getByRole('button', { name: 'Create token' }).click();
    await phone.page.getByRole('button', { name: 'Revoke phone' }).waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context.close();
  });

  test('verifies in the browser that an entry it was shown is in the signed log, and downloads the checkpoint', async () => {
    const { page } = mediator;
    // Listing restricted records is an audited read: it gives the log entries both viewers were shown.
    for (const viewer of [ukraine, mediator]) {
      await viewer.page.goto('/');
      await openDemoNegotiation(viewer.page);
      await viewer.page.getByRole('link', { name: 'Records', exact: true }).click();
      await viewer.page.waitForLoadState('networkidle');
    }
    await openAuditLog(mediator);
    const first = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem').first();
    await first.getByRole('button', { name: /Verify it is in the log/ }).click();
    await expect
      .poll(() => first.getByRole('status').innerText())
      .toMatch(/Verified: in the signed log of \d+ entries/);
    // Chromium has Ed25519 in WebCrypto: the signature was checked, not skipped.
    expect(await first.getByRole('status').innerText()).toMatch(/signature by \S+ checked/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download signed checkpoint' }).click(),
    ]);
    const text = readFileSync((await download.path()) ?? '', 'utf8');
    expect(text).toMatch(/^parley\/audit-log\n\d+\n\S{44}\n\n\u2014 \S+ \S+\n$/);
  });

  test('says the check failed when the proof was tampered with on the way', async () => {
    const { page } = mediator;
    await page.route('**/audit/entries/*/proof', async (route) => {
      const response = await route.fetch();
      const proof = (await response.json()) as { proof: string[] };
      const hash = proof.proof[0] ?? '';
      proof.proof[0] = `${hash[0] === '0' ? '1' : '0'}${hash.slice(1)}`;
      await route.fulfill({ response, json: proof });
    });
    const second = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem').nth(1);
    await second.getByRole('button', { name: /Verify it is in the log/ }).click();
    await expect.poll(() => second.getByRole('status').innerText()).toContain('Verification failed');
    expect(await second.getByRole('status').innerText()).not.toContain('Verified:');
    await page.unroute('**/audit/entries/*/proof');
  });
});
