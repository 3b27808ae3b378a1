/**
 * Queues the app did not make: a standard queue, a FIFO queue without a DLQ, and an
 * orphaned DLQ whose main queue is gone. They are created directly in the sandbox.
 */
import { expect, test } from '../fixtures/web-app';
import { MuquApp, RECEIVE_TIMEOUT_MS, uniqueQueueName } from '../pages/muqu-app';
import { createQueue, queueNames, sandboxClient, sendToFifo } from './sandbox-sqs';

test('standard queue is marked not MuQu', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('plain');
  await app.open(appUrl);
  await createQueue(sandboxClient(await app.endpoint()), name);

  await app.refreshUntilListed(name);

  await expect(app.queueItem(name)).toContainText('Not a MuQu queue');
  await app.selectQueue(name);
  await expect(app.notMuquNotice).toContainText('Not a MuQu queue');
  await expect(app.notMuquNotice).toContainText('a standard (non-FIFO) queue');
  await expect(app.deleteQueueButton).toHaveCount(0);
  await expect(app.tab('push')).toHaveCount(0);
  await expect(app.editor).toHaveCount(0);
  await expect(app.pushButton).toHaveCount(0);
  await expect(app.jobs.root).toHaveCount(0);
});

test('FIFO queue without DLQ is marked not MuQu', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = `${uniqueQueueName('lonely')}.fifo`;
  await app.open(appUrl);
  await createQueue(sandboxClient(await app.endpoint()), name, { FifoQueue: 'true' });

  await app.refreshUntilListed(name);

  await expect(app.queueItem(name)).toContainText('Not a MuQu queue');
  await app.selectQueue(name);
  await expect(app.notMuquNotice).toContainText(
    'a FIFO queue without a matching dead-letter queue',
  );
  await expect(app.deleteQueueButton).toHaveCount(0);
  await expect(app.pushButton).toHaveCount(0);
});

test('orphaned DLQ shows notice and can be deleted', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('orphan');
  const sqsName = `${name}-dead-letter.fifo`;
  await app.open(appUrl);
  const client = sandboxClient(await app.endpoint());
  const url = await createQueue(client, sqsName, { FifoQueue: 'true' });
  await sendToFifo(client, url, '{"step": "left behind"}');

  await app.refreshUntilListed(name);

  await expect(app.queueItem(name)).toContainText('Orphaned dead-letter queue');
  await app.selectQueue(name);
  await expect(app.orphanNotice).toContainText('This dead-letter queue has no main queue');
  await expect(app.tab('push')).toHaveCount(0);
  await expect(app.tab('jobs')).toHaveCount(0);
  await expect(app.tab('dead-letters')).toHaveAttribute('aria-selected', 'true');
  await expect(app.deleteQueueButton).toHaveText('Delete orphaned queue');

  await app.deleteQueueButton.click();
  await expect(app.deleteDialog.getByRole('heading')).toHaveText(
    `Delete orphaned dead-letter queue "${name}"?`,
  );
  await expect(app.deleteDialog).toContainText(`This deletes ${sqsName} and the 1 job in it.`);
  await expect(app.deleteConfirm).toBeDisabled();
  await app.deleteConfirmInput.fill(name);
  await app.deleteConfirm.click();

  await expect(app.deleteDialog).toBeHidden();
  await expect(app.queueItem(name)).toHaveCount(0);
  expect(await queueNames(client, name)).toEqual([]);
});

test('orphaned DLQ jobs can be read', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('orphan-read');
  await app.open(appUrl);
  const client = sandboxClient(await app.endpoint());
  const url = await createQueue(client, `${name}-dead-letter.fifo`, { FifoQueue: 'true' });
  await sendToFifo(client, url, '{"step": "left behind"}');
  await app.refreshUntilListed(name);
  await app.selectQueue(name);

  await app.deadLetters.peekButton.click();

  await expect(app.deadLetters.body).toContainText('"step": "left behind"', {
    timeout: RECEIVE_TIMEOUT_MS,
  });
});
