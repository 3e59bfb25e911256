// The two screenshots of issue #13's views for docs/user-guide.md and docs/security.md, at 1280 px:
// `node packages/server/bin/run-ts.js packages/web/scripts/screenshots-security.ts`. Separate from
// screenshots.ts so these can be retaken without retaking (and re-rendering) every other view.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDemoNegotiation, signInAs, startHarness } from '../test/helpers/browser-harness';

const OUT = path.resolve(import.meta.dirname, '../../../docs/screenshots');

mkdirSync(OUT, { recursive: true });
const harness = await startHarness();
try {
  const ukraine = await signInAs(harness, 'ukraine@demo.parley', { width: 1280, height: 900 });
  const { page } = ukraine;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Create an API token' });
  for (const [label, days] of [
    ['nightly export script', '90'],
    ['laptop CLI', '30'],
  ] as const) {
    await form.getByLabel('Token name').fill(label);
    await form.getByLabel(/Expires after/).fill(days);
    await form.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('button', { name: `Revoke ${label}` }).waitFor();
  }
  await page.waitForLoadState('networkidle');
  await page
    .getByRole('region', { name: 'API tokens' })
    .or(page.locator('section[aria-labelledby="api-tokens-title"]'))
    .first()
    .screenshot({ path: path.join(OUT, 'settings-tokens.png') });
  console.log('docs/screenshots/settings-tokens.png');

  // The audit log needs entries this party was shown: listing its restricted records is one.
  await page.goto('/');
  await openDemoNegotiation(page);
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await page.waitForLoadState('networkidle');
  await page.getByRole('link', { name: 'Audit log', exact: true }).click();
  const first = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem').first();
  await first.getByRole('button', { name: /Verify it is in the log/ }).click();
  await first.getByText(/Verified:/).waitFor();
  await page.getByRole('button', { name: 'Download signed checkpoint' }).click();
  await page.getByText(/Checkpoint of \d+ entries/).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({
    path: path.join(OUT, 'audit-verify.png'),
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: 760 },
  });
  console.log('docs/screenshots/audit-verify.png');
} finally {
  await harness.close();
}
