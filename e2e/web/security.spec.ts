import { expect, test } from '../fixtures/web-app';

test('page carries content security policy', async ({ page, appUrl }) => {
  const response = await page.goto(appUrl);
  const header = response?.headers()['content-security-policy'] ?? '';
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');

  expect(header).toContain("script-src 'self'");
  expect(header).toContain("frame-ancestors 'none'");
  expect(meta).toContain("script-src 'self'");
});

test('policy blocks injected inline script', async ({ page, appUrl }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.goto(appUrl);

  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.injected = "ran";';
    document.body.append(script);
  });

  await expect.poll(() => violations.length).toBeGreaterThan(0);
  await expect(page.locator('body')).not.toHaveAttribute('data-injected', 'ran');
});

test('token leaves the address bar', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(page.getByTestId('connection-select')).toBeVisible();

  expect(page.url()).not.toContain('token=');
});
