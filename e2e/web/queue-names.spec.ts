/** The New queue dialog's name check: what SQS and MuQu allow, and names already taken. */
import { expect, test } from '../fixtures/web-app';
import { MuquApp, uniqueQueueName } from '../pages/muqu-app';

const NAME_RULE = 'at most 63 characters: letters, digits, - and _';

test('create dialog rejects a dot', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.newQueueButton.click();

  await app.createName.fill('my.queue');

  await expect(app.createError).toHaveText(`"." is not allowed; a name is ${NAME_RULE}.`);
  await expect(app.createSubmit).toBeDisabled();
});

test('create dialog rejects 64 characters', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.newQueueButton.click();

  await app.createName.fill('a'.repeat(64));

  await expect(app.createError).toHaveText(
    `"${'a'.repeat(20)}…" has 64 characters; a name is ${NAME_RULE}.`,
  );
  await expect(app.createSubmit).toBeDisabled();
});

test('create dialog rejects the .fifo suffix', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.newQueueButton.click();

  await app.createName.fill('name.fifo');

  await expect(app.createError).toHaveText(
    `Leave out ".fifo": MuQu adds it. A name is ${NAME_RULE}.`,
  );
  await expect(app.createSubmit).toBeDisabled();
});

test('create dialog rejects an empty name', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.newQueueButton.click();

  // The rule shows as an error only once the field has been left.
  await app.createName.fill('');
  await app.createName.blur();

  await expect(app.createError).toHaveText(`Enter a queue name (${NAME_RULE}).`);
  await expect(app.createSubmit).toBeDisabled();
});

test('create dialog rejects an existing name', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('taken');
  await app.open(appUrl);
  await app.createQueue(name);
  await app.newQueueButton.click();

  await app.createName.fill(name);

  await expect(app.createError).toHaveText(
    `A queue named "${name}" already exists. Pick another name.`,
  );
  await expect(app.createSubmit).toBeDisabled();
});

test('create dialog rejects a name taken by a DLQ', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('owner');
  await app.open(appUrl);
  await app.createQueue(name);
  await app.newQueueButton.click();

  // The main queue of "<name>-dead-letter" would be "<name>-dead-letter.fifo", which
  // is the DLQ of the queue just created.
  await app.createName.fill(`${name}-dead-letter`);

  await expect(app.createError).toContainText('already exists');
  await expect(app.createSubmit).toBeDisabled();
});

test('create dialog accepts 63 characters', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const name = uniqueQueueName('long').padEnd(63, 'x');
  await app.open(appUrl);
  await app.newQueueButton.click();

  await app.createName.fill(name);

  await expect(app.createError).toHaveText(
    `Creates ${name}.fifo and its dead-letter queue ${name}-dead-letter.fifo.`,
  );
  await expect(app.createDialog).toContainText('63 / 63');
  await expect(app.createSubmit).toBeEnabled();

  await app.createSubmit.click();
  await expect(app.createDialog).toBeHidden();
  await expect(app.queueTitle).toHaveText(name);
  await expect(app.queueItem(name)).toBeVisible();
  // The DLQ name is exactly the 80 characters SQS allows.
  await expect(page.locator('.queue-header')).toContainText(`${name}-dead-letter.fifo`);
});

test('create dialog starts empty after cancel', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.newQueueButton.click();
  await app.createName.fill('emails');
  await page.keyboard.press('Escape');
  await expect(app.createDialog).toBeHidden();

  await app.newQueueButton.click();

  await expect(app.createName).toHaveValue('');
});
