import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';

// Managers share playbooks as files: a bad file is refused with the problem named and nothing changes; a good
// one adds its playbooks; local toggles and edits persist; the export is the same versioned format.

let server: FixtureServer;
let browser: ExtensionBrowser;
const dir = mkdtempSync(join(tmpdir(), 'keep-account-playbooks-'));

test.beforeAll(async () => {
  server = await startFixtureServer(() => undefined);
  browser = await launchWithExtension({ port: server.port });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('import a team playbook file: a bad one is refused and changes nothing, a good one is added and persists', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html#playbooks`);
  await expect(page.locator('[data-playbook]')).toHaveCount(6);

  const bad = join(dir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({ format: 'keep-account/playbooks', version: 1, playbooks: [{ id: 'price-watch', name: 'Price watch', enabled: true, questions: [{ id: 'q1', text: 'Has anyone offered you a better price?', signals: ['price'], priority: 3 }] }] }),
  );
  await page.getByTestId('playbook-import').setInputFiles(bad);
  await expect(page.getByRole('status')).toContainText('bad.json was not imported, nothing changed');
  await expect(page.getByRole('status')).toContainText('playbooks[0].questions[0].signals[0]');
  await expect(page.locator('[data-playbook]')).toHaveCount(6);

  const good = join(dir, 'team.json');
  writeFileSync(
    good,
    JSON.stringify({ format: 'keep-account/playbooks', version: 1, playbooks: [{ id: 'price-watch', name: 'Price watch', description: 'When price comes up', enabled: true, questions: [{ id: 'q1', text: 'Has anyone offered you a better price for {{product}}?', signals: ['email-price'], priority: 4 }] }] }),
  );
  await page.getByTestId('playbook-import').setInputFiles(good);
  await expect(page.getByRole('status')).toContainText('Imported 1 playbook from team.json');
  await expect(page.locator('[data-playbook="price-watch"]')).toContainText('Price watch');

  // Switch a default playbook off; both survive a reload (saved through the background).
  await page.getByRole('checkbox', { name: /^Trust check-in on$/ }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  await page.reload();
  await expect(page.locator('[data-playbook="price-watch"]')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Trust check-in off$/ })).not.toBeChecked();

  // The export is the same versioned format, with the team playbook in it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for your team' }).click();
  const path = await (await download).path();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported).toMatchObject({ format: 'keep-account/playbooks', version: 1 });
  expect(exported.playbooks.map((p: { id: string }) => p.id)).toContain('price-watch');
});

test('moving a playbook up changes the order, also after a reload, on a clean profile; an imported one moves too', async () => {
  const clean = await launchWithExtension({ port: server.port });
  try {
    const page = await clean.context.newPage();
    await page.goto(`chrome-extension://${clean.extensionId}/options.html#playbooks`);
    const order = () => page.locator('[data-playbook]').evaluateAll((els) => els.map((el) => el.getAttribute('data-playbook')));
    await expect(page.locator('[data-playbook]')).toHaveCount(6);
    const before = await order();
    const trust = before.indexOf('trust-check-in');
    expect(trust).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Move Trust check-in up' }).click();
    await expect(page.getByRole('status')).toContainText('Order saved.');
    const moved = [...before];
    [moved[trust - 1], moved[trust]] = [moved[trust]!, moved[trust - 1]!];
    await expect.poll(order).toEqual(moved);
    await page.reload();
    await expect(page.locator('[data-playbook]')).toHaveCount(6);
    expect(await order()).toEqual(moved);

    // An imported playbook comes last; its ↑ moves it, and that is kept too. One playbook, one question: in words.
    const file = join(dir, 'one.json');
    writeFileSync(
      file,
      JSON.stringify({ format: 'keep-account/playbooks', version: 1, playbooks: [{ id: 'price-watch', name: 'Price watch', description: '', enabled: true, questions: [{ id: 'q1', text: 'Has anyone offered you a better price?', signals: ['email-price'], priority: 3 }] }] }),
    );
    await page.getByTestId('playbook-import').setInputFiles(file);
    await expect(page.getByRole('status')).toContainText('Imported 1 playbook from one.json.');
    await expect(page.locator('[data-playbook="price-watch"]').getByRole('button', { name: '1 question', exact: true })).toBeVisible();
    expect((await order()).at(-1)).toBe('price-watch');
    await page.getByRole('button', { name: 'Move Price watch up' }).click();
    await expect(page.getByRole('status')).toContainText('Order saved.');
    const withImported = [...moved.slice(0, -1), 'price-watch', moved.at(-1)!];
    await expect.poll(order).toEqual(withImported);
    await page.reload();
    await expect(page.locator('[data-playbook]')).toHaveCount(7);
    expect(await order()).toEqual(withImported);
  } finally {
    await clean.close();
  }
});
