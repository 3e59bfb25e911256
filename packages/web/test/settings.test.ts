// End-to-end on `parley serve --no-demo` and Chromium: the server settings form sends the revision
// it showed; when another administrator window saved meanwhile, the form shows that change and
// lets the administrator keep it or save theirs over it (#11, item 8). The same holds for a
// negotiation's settings and its parties, which the mediator edits after set-up.
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
    // The alert points to the choice below, not to a reload that would lose this form's choice.
    expect(await form.getByRole('alert').innerText()).toContain('Someone changed this meanwhile');
    expect(await form.getByRole('alert').innerText()).not.toMatch(/reload/i);
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

  test('the mediator edits a negotiation and a party; a stale window is shown the other change', async () => {
    const first = admin.page;
    await first.goto('/new');
    const opening = first.getByRole('form', { name: 'New negotiation' });
    await opening.getByLabel('Title').fill('Harbour talks');
    await opening.getByLabel('Time zone (deadlines and rounds are shown in it)').selectOption('UTC');
    await opening.getByLabel('Your party, the mediator (you lead its delegation)').fill('Port authority');
    await opening.getByRole('button', { name: 'Open the negotiation' }).click();
    await first.getByRole('form', { name: 'Add a party' }).waitFor();
    const negotiationPath = new URL(first.url()).pathname.replace(/\/delegations$/, '');

    const second = await admin.context.newPage();
    for (const page of [first, second]) {
      await page.goto(negotiationPath);
      await page.getByText('Edit the title, mandate, closure rule or time zone').click();
    }
    const form = first.getByRole('form', { name: 'Negotiation settings' });
    await form.getByLabel('Title').fill('Harbour and ferry talks');
    await form.getByLabel('Point by point').check();
    await form.getByLabel('Time zone (deadlines and rounds are shown in it)').selectOption('Europe/Oslo');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => first.title()).toContain('Harbour and ferry talks');
    const stored = await first.evaluate(
      async (path) => (await fetch(`/api/negotiations/${path.split('/').pop() ?? ''}`)).json(),
      negotiationPath,
    );
    expect(stored).toMatchObject({
      title: 'Harbour and ferry talks',
      closureRule: 'point-by-point',
      timeZone: 'Europe/Oslo',
      revision: 2,
    });

    const stale = second.getByRole('form', { name: 'Negotiation settings' });
    await stale.getByLabel('Title').fill('Ferry talks');
    await stale.getByRole('button', { name: 'Save settings' }).click();
    const theirs = stale.getByRole('region', { name: 'The other change' });
    await expect.poll(() => theirs.innerText()).toContain('Harbour and ferry talks');
    // The alert points to the choice below rather than to a reload, which would lose the edit.
    expect(await stale.getByRole('alert').innerText()).toContain('Someone changed this meanwhile');
    expect(await stale.getByRole('alert').innerText()).not.toMatch(/reload/i);
    await theirs.getByRole('button', { name: 'Keep theirs' }).click();
    await second.close();

    await first.goto(`${negotiationPath}/delegations`);
    const adding = first.getByRole('form', { name: 'Add a party' });
    await adding.getByLabel('Name').fill('Ferry compny');
    // The checkbox sits beside its text, not centred above it.
    const requiredBox = adding.getByRole('checkbox', { name: /^Required for agreement/ });
    expect(
      await requiredBox.evaluate((box) => getComputedStyle(box.closest('label') ?? box).flexDirection),
    ).toBe('row');
    await adding.getByRole('button', { name: 'Add party' }).click();
    await first.getByText('Edit Ferry compny').click();
    const party = first.getByRole('form', { name: 'Edit Ferry compny' });
    await party.getByLabel('Name').fill('Ferry company');
    await party.getByLabel('Required for agreement (even when absent from a round)').uncheck();
    await party.getByRole('button', { name: 'Save party' }).click();
    await first.getByRole('heading', { name: /Ferry company/ }).waitFor();
    await first.goto(negotiationPath);
    const row = first.getByRole('row', { name: /Ferry company/ });
    expect(await row.innerText()).not.toContain('(required)');
  });
});
