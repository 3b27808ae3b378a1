/**
 * A new user's whole path through one queue: create it, push jobs, look at them,
 * send one to the dead-letter queue, read it there and delete the queue.
 */
import { expect, test } from '../fixtures/web-app';
import { MuquApp, RECEIVE_TIMEOUT_MS, uniqueQueueName } from '../pages/muqu-app';

const receive = { timeout: RECEIVE_TIMEOUT_MS };

test('new user path from create to delete', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('emails');
  const jobTexts = [1, 2, 3].map((step) => `{"step": ${step}, "to": "user${step}@example.com"}`);

  await test.step('open the app on the sandbox', async () => {
    await app.open(appUrl);
    await expect(app.connectionSelect.locator('option:checked')).toHaveText('Local sandbox');
    await expect(app.connectionRegion).toHaveText('us-east-1');
    await expect(app.listEmpty).toBeVisible();
  });

  await test.step('create a queue and push three jobs', async () => {
    await app.createQueue(name);
    await expect(app.queueItem(name)).toBeVisible();
    await expect(app.count('count-waiting')).toHaveText('0');
    for (const [index, text] of jobTexts.entries()) {
      await app.pushJob(text, index + 1);
    }
    await expect(app.pushResult).toContainText('Pushed at');
  });

  const jobs = app.jobs;
  await test.step('peek shows job 1 with receive count 1 of 2', async () => {
    await app.tab('jobs').click();
    await jobs.peekButton.click();
    await expect(jobs.result).toHaveAttribute('data-mode', 'peek', receive);
    await expect(jobs.body).toContainText('"step": 1');
    await expect(jobs.receiveCount).toHaveText('1 of 2');
  });

  await test.step('fetch shows job 1 and its countdown', async () => {
    await jobs.fetchButton.click();
    await expect(jobs.result).toHaveAttribute('data-mode', 'fetch', receive);
    await expect(jobs.body).toContainText('"step": 1');
    await expect(jobs.receiveCount).toContainText('2 of 2');
    await expect(jobs.countdown).toContainText(/Hidden from workers for \d+ s/);
    await expect(jobs.root.getByTestId('message-receipt-handle')).not.toBeEmpty();
    await expect(app.count('count-in-flight')).toHaveText('1');
  });

  await test.step('remove asks first, then deletes job 1', async () => {
    await jobs.removeButton.click();
    const dialog = page.getByTestId('remove-job-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('remove-job-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(jobs.result).toBeHidden();
    await expect(app.toasts.filter({ hasText: 'Job removed.' })).toBeVisible();
    await expect(app.count('count-waiting')).toHaveText('2');
  });

  await test.step('peek now shows job 2', async () => {
    await jobs.peekButton.click();
    await expect(jobs.body).toContainText('"step": 2', receive);
    await expect(jobs.receiveCount).toHaveText('1 of 2');
  });

  await test.step('peeking job 2 past the limit warns, then moves it to the DLQ', async () => {
    await jobs.peekButton.click();
    await expect(jobs.receiveCount).toContainText('2 of 2', receive);
    await expect(jobs.receiveCount).toContainText(
      'the next receive moves it to the dead-letter queue',
    );
    await expect(app.receiveWarningDialog).toBeHidden();

    await jobs.peekButton.click();
    await expect(app.receiveWarningDialog).toBeVisible();
    await expect(app.receiveWarningDialog).toContainText('received 2 times and the limit is 2');
    await app.receiveWarningContinue.click();
    await expect(app.receiveWarningDialog).toBeHidden();
    await expect(jobs.root.getByTestId('dead-lettered-notice')).toContainText(
      'SQS moved it to the dead-letter queue',
      receive,
    );

    await expect(app.count('count-dead')).toHaveText('1', receive);
    await expect(app.queueItem(name).getByTestId('queue-dlq-badge')).toHaveText('1 dead');
    await expect(app.tab('dead-letters')).toHaveText('Dead letters (1)');
  });

  const deadLetters = app.deadLetters;
  await test.step('dead letters tab shows job 2', async () => {
    await app.tab('dead-letters').click();
    await expect(deadLetters.deadLetterCount).toHaveText('1 job');

    await deadLetters.peekButton.click();
    await expect(deadLetters.result).toHaveAttribute('data-mode', 'peek', receive);
    await expect(deadLetters.body).toContainText('"step": 2');
    await expect(deadLetters.body).toContainText('"to": "user2@example.com"');

    await deadLetters.fetchButton.click();
    await expect(deadLetters.result).toHaveAttribute('data-mode', 'fetch', receive);
    await expect(deadLetters.body).toContainText('"step": 2');
    await expect(deadLetters.countdown).toBeVisible();
  });

  await test.step('delete the queue after typing its exact name', async () => {
    await app.deleteQueueButton.click();
    await expect(app.deleteDialog).toBeVisible();
    await expect(app.deleteDialog.getByRole('heading')).toHaveText(`Delete queue "${name}"?`);
    await expect(app.deleteDialog).toContainText(`${name}.fifo`);
    await expect(app.deleteDialog).toContainText(`${name}-dead-letter.fifo`);
    await expect(app.deleteConfirm).toBeDisabled();

    await app.deleteConfirmInput.fill(name.slice(0, -1));
    await expect(app.deleteConfirm).toBeDisabled();
    await app.deleteConfirmInput.fill(name.toUpperCase());
    await expect(app.deleteConfirm).toBeDisabled();
    await app.deleteConfirmInput.fill(name);
    await expect(app.deleteConfirm).toBeEnabled();

    await app.deleteConfirm.click();
    await expect(app.deleteDialog).toBeHidden();
    await expect(app.queueItem(name)).toHaveCount(0);
    await expect(app.welcome).toBeVisible();
    await expect(app.listEmpty).toBeVisible();
  });
});
