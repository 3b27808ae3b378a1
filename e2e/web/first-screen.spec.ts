/**
 * The first screen a new user sees. This file holds one test, which creates no queue,
 * because each test file gets a fresh server whose sandbox starts with no queues.
 */
import { expect, test } from '../fixtures/web-app';
import { MuquApp, type Theme } from '../pages/muqu-app';

test('first screen works without setup', async ({ page, appUrl }) => {
  const app = new MuquApp(page);
  await app.open(appUrl);

  await expect(app.connectionSelect.locator('option:checked')).toHaveText('Local sandbox');
  await expect(app.connectionRegion).toHaveText('us-east-1');
  await expect(app.connectionEndpoint).toHaveText(/^http:\/\/127\.0\.0\.1:\d+$/);
  await expect(app.listEmpty).toContainText('No queues here yet.');
  await expect(app.listStatus).toContainText('0 of 0 queues');
  await expect(app.welcome).toBeVisible();
  await expect(app.newQueueButton).toBeEnabled();

  for (const theme of ['light', 'dark'] satisfies Theme[]) {
    await app.setTheme(theme);
    await app.screenshot('first-screen', theme);
  }
});
