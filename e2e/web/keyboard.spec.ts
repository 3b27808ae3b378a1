/** Keyboard shortcuts: n, Enter and Escape in dialogs, Ctrl+Enter, / and the arrow keys. */
import { expect, test } from '../fixtures/web-app';
import { MuquApp, RECEIVE_TIMEOUT_MS, uniqueQueueName } from '../pages/muqu-app';

test('n opens dialog and Enter creates', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('keys');
  await app.open(appUrl);

  await page.keyboard.press('n');
  await expect(app.createDialog).toBeVisible();
  await expect(app.createName).toBeFocused();

  await page.keyboard.type(name);
  await page.keyboard.press('Enter');

  await expect(app.createDialog).toBeHidden();
  await expect(app.queueTitle).toHaveText(name);
});

test('Escape closes the create dialog', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);

  await page.keyboard.press('n');
  await expect(app.createDialog).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(app.createDialog).toBeHidden();
});

test('Escape closes the delete dialog', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('keep');
  await app.open(appUrl);
  await app.createQueue(name);

  await app.deleteQueueButton.click();
  await expect(app.deleteDialog).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(app.deleteDialog).toBeHidden();
  await expect(app.queueItem(name)).toBeVisible();
});

test('n while typing in search opens nothing', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);

  await app.search.click();
  await page.keyboard.press('n');

  await expect(app.search).toHaveValue('n');
  await expect(app.createDialog).toBeHidden();
});

test('slash focuses the search box', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);

  await page.keyboard.press('/');

  await expect(app.search).toBeFocused();
  await expect(app.search).toHaveValue('');
});

test('Ctrl+Enter in the editor pushes', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('ctrl-enter'));

  await app.setJobText('{"via": "keyboard"}');
  await page.keyboard.press('Control+Enter');

  await expect(app.count('count-waiting')).toHaveText('1');
  await expect(app.pushResult).toContainText('Pushed at');
  await expect(app.editorContent).toHaveText('{"via": "keyboard"}');
});

test('arrow keys move through the queue list', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const prefix = uniqueQueueName('arrows');
  const first = `${prefix}-a`;
  const second = `${prefix}-b`;
  await app.open(appUrl);
  await app.createQueue(first);
  await app.createQueue(second);
  await app.selectQueue(first);

  await app.queueItem(first).focus();
  await page.keyboard.press('ArrowDown');

  await expect(app.queueTitle).toHaveText(second);
  await expect(app.queueItem(second)).toHaveAttribute('aria-selected', 'true');
  await expect(app.queueItem(second)).toBeFocused();

  await page.keyboard.press('ArrowUp');

  await expect(app.queueTitle).toHaveText(first);
  await expect(app.queueItem(first)).toHaveAttribute('aria-selected', 'true');
});

test('Escape cancels the receive warning', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const receive = { timeout: RECEIVE_TIMEOUT_MS };
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('cancel'));
  await app.pushJob('{"step": 1}', 1);
  await app.tab('jobs').click();
  await app.jobs.peekButton.click();
  await expect(app.jobs.receiveCount).toHaveText('1 of 2', receive);
  await app.jobs.peekButton.click();
  await expect(app.jobs.receiveCount).toContainText('2 of 2', receive);

  await app.jobs.peekButton.click();
  await expect(app.receiveWarningDialog).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(app.receiveWarningDialog).toBeHidden();
  await expect(app.jobs.receiveCount).toContainText('2 of 2');
  await expect(app.count('count-dead')).toHaveText('0');
  // No receive was sent, so the job is still at the limit and the warning comes back.
  await app.jobs.peekButton.click();
  await expect(app.receiveWarningDialog).toBeVisible();
});

test('queue list is one tab stop', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const prefix = uniqueQueueName('stops');
  await app.open(appUrl);
  await app.createQueue(`${prefix}-a`);
  await app.createQueue(`${prefix}-b`);
  await app.selectQueue(`${prefix}-b`);

  await expect(app.queueItem(`${prefix}-a`)).toHaveAttribute('tabindex', '-1');
  await expect(app.queueItem(`${prefix}-b`)).toHaveAttribute('tabindex', '0');
});

test('arrow keys switch queue tabs', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('tabs'));
  await app.tab('push').focus();

  await page.keyboard.press('ArrowRight');

  await expect(app.tab('jobs')).toHaveAttribute('aria-selected', 'true');
  await expect(app.tab('jobs')).toBeFocused();

  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');

  await expect(app.tab('settings')).toHaveAttribute('aria-selected', 'true');
});
