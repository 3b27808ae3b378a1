/**
 * Page objects for MuQu Desktop in a browser: the main window and the two message
 * panels (Jobs and Dead letters). They find elements by data-testid and wait on what
 * the UI shows, never on fixed delays.
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshotPath } from '../fixtures/web-app';

export type Theme = 'light' | 'dark';

/**
 * Time a peek or fetch may take: the app long-polls an empty queue for 2 s, and the
 * request goes through the web server and the sandbox on a possibly busy machine.
 */
export const RECEIVE_TIMEOUT_MS = 15_000;

/** Returns `prefix` plus a random suffix, so that tests sharing one sandbox do not collide. */
export function uniqueQueueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Builds a CSS attribute selector that matches `value` exactly, quotes and backslashes escaped. */
function attributeEquals(attribute: string, value: string): string {
  return `[${attribute}=${JSON.stringify(value)}]`;
}

/** Peek, fetch, remove and put back for one queue of a pair: the Jobs or the Dead letters tab. */
export class MessagePanel {
  readonly root: Locator;
  readonly peekButton: Locator;
  readonly fetchButton: Locator;
  readonly removeButton: Locator;
  readonly releaseButton: Locator;
  /** The peeked or fetched job; its `data-mode` is `peek` or `fetch`. */
  readonly result: Locator;
  /** The text of the shown job, as CodeMirror renders it (no line breaks). */
  readonly body: Locator;
  readonly receiveCount: Locator;
  readonly countdown: Locator;
  /** The notice shown when a peek or fetch returned no job. */
  readonly empty: Locator;
  /** "N jobs waiting" on the Dead letters tab. */
  readonly deadLetterCount: Locator;

  constructor(page: Page, role: 'main' | 'dead-letter') {
    this.root = page.getByTestId(
      role === 'main' ? 'message-panel-main' : 'message-panel-dead-letter',
    );
    this.peekButton = this.root.getByTestId('peek-button');
    this.fetchButton = this.root.getByTestId('fetch-button');
    this.removeButton = this.root.getByTestId('remove-button');
    this.releaseButton = this.root.getByTestId('release-button');
    this.result = this.root.getByTestId('message-result');
    this.body = this.root.getByTestId('message-body').locator('.cm-content');
    this.receiveCount = this.root.getByTestId('message-receive-count');
    this.countdown = this.root.getByTestId('visibility-countdown');
    this.empty = this.root.getByTestId('message-empty');
    this.deadLetterCount = this.root.getByTestId('dead-letter-count');
  }
}

/** The main window: top bar, queue list, create and delete dialogs, and the open queue. */
export class MuquApp {
  readonly connectionSelect: Locator;
  readonly connectionRegion: Locator;
  readonly connectionEndpoint: Locator;
  readonly themeSelect: Locator;
  readonly search: Locator;
  readonly newQueueButton: Locator;
  readonly refreshButton: Locator;
  readonly listStatus: Locator;
  readonly listEmpty: Locator;
  readonly welcome: Locator;

  readonly createDialog: Locator;
  readonly createName: Locator;
  readonly createError: Locator;
  readonly createSubmit: Locator;

  readonly queueTitle: Locator;
  readonly deleteQueueButton: Locator;
  readonly deleteDialog: Locator;
  readonly deleteConfirmInput: Locator;
  readonly deleteConfirm: Locator;
  readonly orphanNotice: Locator;
  readonly notMuquNotice: Locator;

  readonly editor: Locator;
  readonly editorContent: Locator;
  readonly editorStatus: Locator;
  readonly pushButton: Locator;
  readonly pushResult: Locator;

  readonly receiveWarningDialog: Locator;
  readonly receiveWarningContinue: Locator;
  readonly toasts: Locator;

  readonly jobs: MessagePanel;
  readonly deadLetters: MessagePanel;

  constructor(readonly page: Page) {
    this.connectionSelect = page.getByTestId('connection-select');
    this.connectionRegion = page.getByTestId('connection-region');
    this.connectionEndpoint = page.getByTestId('connection-endpoint');
    this.themeSelect = page.getByTestId('theme-select');
    this.search = page.getByTestId('queue-search');
    this.newQueueButton = page.getByTestId('new-queue-button');
    this.refreshButton = page.getByTestId('refresh-button');
    this.listStatus = page.getByTestId('queue-list-status');
    this.listEmpty = page.getByTestId('queue-list-empty');
    this.welcome = page.getByTestId('welcome');

    this.createDialog = page.getByTestId('create-queue-dialog');
    this.createName = page.getByTestId('create-queue-name');
    this.createError = page.getByTestId('create-queue-error');
    this.createSubmit = page.getByTestId('create-queue-submit');

    this.queueTitle = page.getByTestId('queue-title');
    this.deleteQueueButton = page.getByTestId('delete-queue-button');
    this.deleteDialog = page.getByTestId('delete-queue-dialog');
    this.deleteConfirmInput = page.getByTestId('delete-queue-confirm-input');
    this.deleteConfirm = page.getByTestId('delete-queue-confirm');
    this.orphanNotice = page.getByTestId('orphan-notice');
    this.notMuquNotice = page.getByTestId('not-muqu-notice');

    this.editor = page.getByTestId('job-editor');
    this.editorContent = this.editor.locator('.cm-content');
    this.editorStatus = page.getByTestId('job-editor-status');
    this.pushButton = page.getByTestId('push-button');
    this.pushResult = page.getByTestId('push-result');

    this.receiveWarningDialog = page.getByTestId('receive-warning-dialog');
    this.receiveWarningContinue = page.getByTestId('receive-warning-continue');
    this.toasts = page.getByTestId('toast');

    this.jobs = new MessagePanel(page, 'main');
    this.deadLetters = new MessagePanel(page, 'dead-letter');
  }

  /** Opens the app and waits until the queue list has loaded. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.listStatus).toContainText(' queues · updated ');
  }

  /** Picks the theme in the top bar and waits until the document uses it. */
  async setTheme(theme: Theme): Promise<void> {
    await this.themeSelect.selectOption(theme);
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
  }

  /** Saves a screenshot of the window as e2e-output/screenshots/<name>-<theme>.png. */
  async screenshot(name: string, theme: Theme): Promise<void> {
    await this.page.screenshot({ path: screenshotPath(`${name}-${theme}`) });
  }

  /** Returns the list entry whose shown name (MuQu name, or SQS name for other queues) is `name`. */
  queueItem(name: string): Locator {
    return this.page.locator(`[data-testid="queue-item"]${attributeEquals('data-queue', name)}`);
  }

  /** Returns a count in the header of the open queue, such as `count-waiting`. */
  count(testId: 'count-waiting' | 'count-in-flight' | 'count-delayed' | 'count-dead'): Locator {
    return this.page.getByTestId(testId).locator('.stat-value');
  }

  tab(name: 'push' | 'jobs' | 'dead-letters' | 'settings'): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }

  /** Creates a MuQu queue through the New queue dialog and waits until it is open. */
  async createQueue(name: string): Promise<void> {
    await this.newQueueButton.click();
    await expect(this.createDialog).toBeVisible();
    await this.createName.fill(name);
    await this.createSubmit.click();
    await expect(this.createDialog).toBeHidden();
    await expect(this.queueTitle).toHaveText(name);
  }

  /** Opens a queue from the list. */
  async selectQueue(name: string): Promise<void> {
    await this.queueItem(name).click();
    await expect(this.queueTitle).toHaveText(name);
  }

  /**
   * Replaces the text of the job editor. `insertText` types no keys, so CodeMirror
   * does not add closing brackets of its own. The selection is deleted first because
   * typing over a selection of several lines leaves an extra empty line at the end.
   */
  async setJobText(text: string): Promise<void> {
    await this.editorContent.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** Pushes `text` with the Push button and waits until the queue shows `waitingAfter` jobs. */
  async pushJob(text: string, waitingAfter: number): Promise<void> {
    await this.setJobText(text);
    await expect(this.pushButton).toBeEnabled();
    await this.pushButton.click();
    await expect(this.count('count-waiting')).toHaveText(String(waitingAfter));
  }

  /** Reads the SQS endpoint of the active connection from the top bar. */
  async endpoint(): Promise<string> {
    const endpoint = (await this.connectionEndpoint.textContent())?.trim() ?? '';
    expect(endpoint, 'the top bar shows the connection endpoint').not.toBe('');
    return endpoint;
  }

  /** Refreshes the queue list and waits until `name` is listed. */
  async refreshUntilListed(name: string): Promise<void> {
    await this.refreshButton.click();
    await expect(this.queueItem(name)).toBeVisible();
  }
}
