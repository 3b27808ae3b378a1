/**
 * Screenshots of each screen in the light and the dark theme, saved under
 * e2e-output/screenshots as <screen>-<theme>.png for a person to look at. The empty
 * first screen is taken in first-screen.spec.ts, where the sandbox has no queues yet.
 * Each step checks that the screen shows what it should before the shot is taken.
 */
import { expect, test } from '../fixtures/web-app';
import { MuquApp, RECEIVE_TIMEOUT_MS, type Theme, uniqueQueueName } from '../pages/muqu-app';
import { createQueue, sandboxClient, sendToFifo } from './sandbox-sqs';

const receive = { timeout: RECEIVE_TIMEOUT_MS };

for (const theme of ['light', 'dark'] satisfies Theme[]) {
  test(`screens in ${theme} theme`, async ({ page, appUrl }) => {
    const app = new MuquApp(page);
    const name = uniqueQueueName(`emails-${theme}`);
    await app.open(appUrl);
    await app.setTheme(theme);

    await test.step('create dialog with an error', async () => {
      await app.newQueueButton.click();
      await app.createName.fill('my.queue');
      await expect(app.createError).toContainText('"." is not allowed');
      await app.screenshot('create-dialog-error', theme);
      await app.createName.fill(name);
      await app.createSubmit.click();
      await expect(app.queueTitle).toHaveText(name);
    });

    await test.step('push panel with invalid JSON', async () => {
      await app.setJobText('{\n  "to": "ana@example.com",\n  "template": "welcome"\n');
      await expect(app.editorStatus).toContainText('not valid JSON');
      // CodeMirror's linter marks the gutter 300 ms after the last change.
      await expect(app.editor.locator('.cm-lint-marker-error')).toBeVisible();
      await app.screenshot('push-invalid-json', theme);
    });

    await test.step('push panel after a duplicate push', async () => {
      await app.pushJob('{"to": "ana@example.com", "template": "welcome"}', 1);
      await app.pushButton.click();
      await expect(app.pushResult).toContainText('Not added');
      await app.screenshot('push-duplicate', theme);
      await app.pushJob('{"to": "bo@example.com", "template": "welcome"}', 2);
    });

    await test.step('fetched job', async () => {
      await app.tab('jobs').click();
      await app.jobs.fetchButton.click();
      await expect(app.jobs.result).toHaveAttribute('data-mode', 'fetch', receive);
      await expect(app.jobs.countdown).toBeVisible();
      await app.screenshot('fetched-job', theme);
      await app.jobs.releaseButton.click();
      await expect(app.jobs.result).toBeHidden();
    });

    await test.step('warning before the receive that moves a job to the DLQ', async () => {
      await app.jobs.peekButton.click();
      await expect(app.jobs.receiveCount).toContainText('2 of 2', receive);
      await app.jobs.peekButton.click();
      await expect(app.receiveWarningDialog).toBeVisible();
      await app.screenshot('receive-warning', theme);
      await app.receiveWarningContinue.click();
      await expect(app.count('count-dead')).toHaveText('1', receive);
    });

    await test.step('dead letters with a job', async () => {
      await app.tab('dead-letters').click();
      await app.deadLetters.peekButton.click();
      await expect(app.deadLetters.body).toContainText('ana@example.com', receive);
      await app.screenshot('dead-letter-job', theme);
    });

    await test.step('delete confirmation', async () => {
      await app.deleteQueueButton.click();
      await app.deleteConfirmInput.fill(name.slice(0, 6));
      await expect(app.deleteConfirm).toBeDisabled();
      await app.screenshot('delete-confirmation', theme);
      await page.keyboard.press('Escape');
      await expect(app.deleteDialog).toBeHidden();
    });

    const client = sandboxClient(await app.endpoint());
    await test.step('queue that is not a MuQu queue', async () => {
      const plain = uniqueQueueName(`plain-${theme}`);
      await createQueue(client, plain);
      await app.refreshUntilListed(plain);
      await app.selectQueue(plain);
      await expect(app.notMuquNotice).toBeVisible();
      await app.screenshot('not-muqu-queue', theme);
    });

    await test.step('orphaned dead-letter queue', async () => {
      const orphan = uniqueQueueName(`orphan-${theme}`);
      const url = await createQueue(client, `${orphan}-dead-letter.fifo`, { FifoQueue: 'true' });
      await sendToFifo(client, url, '{"step": "left behind"}');
      await app.refreshUntilListed(orphan);
      await app.selectQueue(orphan);
      await expect(app.orphanNotice).toBeVisible();
      await app.screenshot('orphaned-dead-letter-queue', theme);
    });
  });
}
