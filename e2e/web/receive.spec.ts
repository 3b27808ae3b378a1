/** Peek and fetch when no job can be handed out: an empty queue, or one job already in flight. */
import { expect, test } from '../fixtures/web-app';
import { MuquApp, RECEIVE_TIMEOUT_MS, uniqueQueueName } from '../pages/muqu-app';
import { queueUrl, receiveAsWorker, sandboxClient } from './sandbox-sqs';

const receive = { timeout: RECEIVE_TIMEOUT_MS };

test('peek on empty queue shows empty notice', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('idle'));
  await app.tab('jobs').click();

  await app.jobs.peekButton.click();

  await expect(app.jobs.empty).toContainText('No job was handed out.', receive);
  await expect(app.jobs.empty).toContainText('The queue is empty, or its jobs are delayed.');
  await expect(app.jobs.result).toBeHidden();
});

test('fetch on empty queue shows empty notice', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('idle-fetch'));
  await app.tab('jobs').click();

  await app.jobs.fetchButton.click();

  await expect(app.jobs.empty).toContainText('The queue is empty', receive);
  await expect(app.jobs.removeButton).toBeHidden();
});

test('fetch while a job is in flight explains why', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('busy');
  await app.open(appUrl);
  await app.createQueue(name);
  await app.pushJob('{"step": 1}', 1);
  await app.pushJob('{"step": 2}', 2);

  // A worker takes job 1 and keeps it for the 30 s visibility timeout. Because every
  // MuQu job is in one message group, SQS hands out no other job of the queue meanwhile.
  const client = sandboxClient(await app.endpoint());
  const workerJob = await receiveAsWorker(client, await queueUrl(client, `${name}.fifo`));
  expect(workerJob).toBe('{"step": 1}');

  await app.tab('jobs').click();
  await expect(app.count('count-in-flight')).toHaveText('1');
  await app.jobs.fetchButton.click();

  await expect(app.jobs.empty).toContainText('No job was handed out.', receive);
  await expect(app.jobs.empty).toContainText('1 job in flight');
  await expect(app.jobs.empty).toContainText('A MuQu queue hands out one job at a time');
  await expect(app.jobs.result).toBeHidden();
});

test('dead-letter warning survives a reload', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('reload');
  await app.open(appUrl);
  await app.createQueue(name);
  await app.pushJob('{"step": 1}', 1);
  await app.tab('jobs').click();
  await app.jobs.peekButton.click();
  await expect(app.jobs.receiveCount).toHaveText('1 of 2', receive);
  await app.jobs.peekButton.click();
  await expect(app.jobs.receiveCount).toContainText('2 of 2', receive);

  await app.open(appUrl);
  await app.selectQueue(name);
  await app.tab('jobs').click();
  await app.jobs.peekButton.click();

  await expect(app.receiveWarningDialog).toBeVisible();
  await expect(app.receiveWarningDialog).toContainText('received 2 times and the limit is 2');
});

test('dead-letter warning counts peeks of other tabs', async ({ page, appUrl }) => {
  const first = new MuquApp(page);
  const name = uniqueQueueName('tabs');
  await first.open(appUrl);
  await first.createQueue(name);
  await first.pushJob('{"step": 1}', 1);
  await first.tab('jobs').click();
  await first.jobs.peekButton.click();
  await expect(first.jobs.receiveCount).toHaveText('1 of 2', receive);

  const second = new MuquApp(await page.context().newPage());
  await second.open(appUrl);
  await second.selectQueue(name);
  await second.tab('jobs').click();
  await second.jobs.peekButton.click();
  await expect(second.jobs.receiveCount).toContainText('2 of 2', receive);

  await page.bringToFront();
  await first.jobs.peekButton.click();

  await expect(first.receiveWarningDialog).toBeVisible();
});
