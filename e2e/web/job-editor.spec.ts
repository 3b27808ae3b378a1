/**
 * The push panel's JSON editor: parse errors with their position, the JSON-object
 * rule, drafts kept per queue, and pushes that SQS drops as duplicates.
 */
import { expect, test } from '../fixtures/web-app';
import { MuquApp, uniqueQueueName } from '../pages/muqu-app';

test('editor shows line and column of a JSON error', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('parse'));

  await app.setJobText('{"to": "ana@example.com"');

  await expect(app.editorStatus).toHaveText(
    "The job is not valid JSON at line 1, column 25: Expected ',' or '}' after property value",
  );
  await expect(app.pushButton).toBeDisabled();
  await expect(app.editorContent).toHaveText('{"to": "ana@example.com"');
});

test('editor locates an error on a later line', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('lines'));
  const lines = ['{', '  "to": "ana@example.com",', '  "template": "welcome",', '}'];

  await app.setJobText(lines.join('\n'));

  await expect(app.editorStatus).toContainText('at line 4, column 1');
  await expect(app.pushButton).toBeDisabled();
  await expect(app.editorContent.locator('.cm-line')).toHaveText(lines);
});

test('editor rejects a JSON array', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('array'));

  await app.setJobText('[{"to": "ana@example.com"}]');

  await expect(app.editorStatus).toContainText('must be a JSON object');
  await expect(app.editorStatus).toContainText('this is an array');
  await expect(app.pushButton).toBeDisabled();
  await expect(app.editorContent).toHaveText('[{"to": "ana@example.com"}]');
});

test('editor rejects empty text', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('empty'));

  await app.editorContent.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');

  await expect(app.editorStatus).toContainText('The job is empty.');
  await expect(app.pushButton).toBeDisabled();
});

test('editor draft survives switching queues', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const first = uniqueQueueName('draft-a');
  const second = uniqueQueueName('draft-b');
  const draft = '{"to": "ana@example.com", "template": ';
  await app.open(appUrl);
  await app.createQueue(first);
  await app.setJobText(draft);
  await expect(app.editorStatus).toContainText('not valid JSON');

  await app.createQueue(second);
  await expect(app.editorContent).not.toContainText('ana@example.com');
  await expect(app.editorStatus).toHaveText('Valid JSON object.');

  await app.selectQueue(first);
  await expect(app.editorContent).toHaveText(draft);
  await expect(app.editorStatus).toContainText('not valid JSON');
  await expect(app.pushButton).toBeDisabled();
});

test('format button pretty-prints the job', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('format'));

  await app.setJobText('{"to":"ana@example.com","retry":{"max":3}}');
  await page.getByTestId('format-button').click();

  await expect(app.editorContent.locator('.cm-line')).toHaveText([
    '{',
    '  "to": "ana@example.com",',
    '  "retry": {',
    '    "max": 3',
    '  }',
    '}',
  ]);
});

test('duplicate push is reported as dropped', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  const job = '{"report": "daily", "day": "2026-12-04"}';
  await app.open(appUrl);
  await app.createQueue(uniqueQueueName('dupes'));
  await app.pushJob(job, 1);
  await expect(app.pushResult).toContainText('Pushed at');

  await app.pushButton.click();

  await expect(app.pushResult).toContainText(
    'Not added: an identical job was pushed to this queue at',
  );
  await expect(app.pushResult).toContainText(
    'SQS drops a job whose text matches one sent in the last 5 minutes.',
  );
  await expect(app.count('count-waiting')).toHaveText('1');

  // Deduplication compares the exact text, so the same object without spaces is a new
  // job. Had the duplicate been added, the count would now reach 3.
  await app.pushJob('{"report":"daily","day":"2026-12-04"}', 2);
  await expect(app.pushResult).toContainText('Pushed at');
});
