// End-to-end on `parley serve --no-demo` and Chromium: the server settings form sends the revision
// it showed; when another administrator window saved meanwhile, the form shows that change and
// lets the administrator keep it or save theirs over it (#11, item 8).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowserFor, startEmptyServer, type EmptyServer, type Person } from './helpers/empty-server';

const EMAIL = 'admin@example.org';
const PASSWORD = 'admin password 2026';

let server: EmptyServer;
let admin: Person;

describe('server settings without lost updates', () => {
  beforeAll(async () => {
    server = await startEmptyServer();
    admin = await openBrowserFor(server, EMAIL);
    const { page } = admin;
    await page.goto('/');
    const form = page.getByRole('form', { name: 'Create the administrator account' });
    await form.getByLabel('Your name, as others will see it').fill('Administrator');
    await form.getByLabel('Email').fill(EMAIL);
    await form.getByLabel('Password (at least 10 characters)').fill(PASSWORD);
    await form.getByRole('button', { name: 'Create the administrator account' }).click();
    await page.getByRole('heading', { name: 'Your negotiations' }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  test('a second window saving meanwhile is shown, and either change can be kept', async () => {
    const first = admin.page;
    const second = await admin.context.newPage();
    for (const page of [first, second]) {
      await page.goto('/settings');
      await page.getByRole('form', { name: 'Server settings' }).waitFor();
    }
    expect(await first.title()).toBe('Settings — Parley');
    const other = second.getByRole('form', { name: 'Server settings' });
    await other.getByLabel('Who may open a negotiation').selectOption('admins');
    await other.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => other.getByRole('status').innerText()).toBe('Settings saved.');

    const form = first.getByRole('form', { name: 'Server settings' });
    await form.getByLabel('Who may create an account').selectOption('open');
    await form.getByRole('button', { name: 'Save settings' }).click();
    const theirs = form.getByRole('region', { name: 'The other change' });
    await expect.poll(() => theirs.innerText()).toContain('Only administrators');
    expect(await form.getByRole('alert').innerText()).toContain('The settings changed meanwhile');
    // Nothing of the stale save was written.
    const stored = await first.evaluate(async () => (await (await fetch('/api/instance')).json()).settings);
    expect(stored).toMatchObject({ signup: 'invitation', negotiationCreation: 'admins' });

    await theirs.getByRole('button', { name: 'Save mine over it' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Settings saved.');
    const saved = await first.evaluate(async () => (await (await fetch('/api/instance')).json()).settings);
    // "Save mine over it" sends this form's whole choice, which still says anyone may open one.
    expect(saved).toMatchObject({ signup: 'open', negotiationCreation: 'anyone' });

    // The second window is now behind; it keeps the other change instead.
    await other.getByLabel('Who may create an account').selectOption('invitation');
    await other.getByRole('button', { name: 'Save settings' }).click();
    const conflict = other.getByRole('region', { name: 'The other change' });
    await conflict.getByRole('button', { name: 'Keep theirs' }).click();
    expect(await other.getByLabel('Who may create an account').inputValue()).toBe('open');
    expect(await other.getByLabel('Who may open a negotiation').inputValue()).toBe('anyone');
    await second.close();
  });
});
