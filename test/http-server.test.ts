import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_HEADER } from '../src-shared/web-transport';
import { startSandbox, type Sandbox } from '../src-main/sandbox/sandbox';
import { startWebServer, type WebServer } from '../src-main/transport/http-server';
import { createTestDispatch, type TestDispatch } from './helpers/dispatch';
import { silentLogger } from './helpers/sqs-sandbox';

const SECRET_OUTSIDE = 'secret text outside the renderer folder';
const INDEX_HTML = '<!doctype html><title>MuQu test page</title>';

let sandbox: Sandbox;
let app: TestDispatch;
let web: WebServer;
let folder: string;

beforeAll(async () => {
  sandbox = await startSandbox(0);
  app = createTestDispatch(sandbox);
  folder = await mkdtemp(join(tmpdir(), 'muqu-web-'));
  const rendererDir = join(folder, 'renderer');
  await mkdir(rendererDir);
  await mkdir(join(folder, 'renderer-other'));
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'app.js'), 'console.log("app");');
  await writeFile(join(folder, 'secret.txt'), SECRET_OUTSIDE);
  await writeFile(join(folder, 'renderer-other', 'secret.txt'), SECRET_OUTSIDE);
  web = await startWebServer({ dispatch: app.dispatch, rendererDir, log: silentLogger });
});

afterAll(async () => {
  await web.close();
  app.connections.destroy();
  await sandbox.stop();
  await rm(folder, { recursive: true, force: true });
});

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends one HTTP request to the web server with exactly the given path and headers. */
async function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: web.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** Sends an API request with the right token unless the headers override it. */
async function callApi(
  operation: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return send({
    method: 'POST',
    path: `/api/${operation}`,
    headers: {
      'content-type': 'application/json',
      [API_TOKEN_HEADER]: web.token,
      ...headers,
    },
    body: JSON.stringify(input),
  });
}

describe('web server token', () => {
  it('rejects API request without token', async () => {
    const response = await send({
      method: 'POST',
      path: '/api/listConnections',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });

    expect(response.status).toBe(401);
  });

  it('rejects wrong token', async () => {
    const response = await callApi('listConnections', {}, { [API_TOKEN_HEADER]: 'wrong' });

    expect(response.status).toBe(401);
  });

  it('rejects wrong token of same length', async () => {
    const wrong = web.token.replace(/^./, (first) => (first === 'a' ? 'b' : 'a'));

    const response = await callApi('listConnections', {}, { [API_TOKEN_HEADER]: wrong });

    expect(response.status).toBe(401);
  });

  it('runs operation with right token', async () => {
    const response = await callApi('listConnections', {});
    const result = JSON.parse(response.body) as { ok: boolean; data: Array<{ id: string }> };

    expect(response.status).toBe(200);
    expect(result.ok).toBe(true);
    expect(result.data.map((connection) => connection.id)).toEqual(['sandbox']);
  });

  it('puts token in printed URL', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/#token=${web.token}`);
  });
});

describe('web server Host and Origin', () => {
  it('rejects other Host with 421', async () => {
    const response = await callApi('listConnections', {}, { host: `evil.example:${web.port}` });

    expect(response.status).toBe(421);
  });

  it('rejects loopback Host on other port', async () => {
    const response = await callApi('listConnections', {}, { host: `127.0.0.1:${web.port + 1}` });

    expect(response.status).toBe(421);
  });

  it('rejects other Host for static files', async () => {
    const response = await send({ path: '/', headers: { host: `evil.example:${web.port}` } });

    expect(response.status).toBe(421);
  });

  it('accepts localhost Host', async () => {
    const response = await callApi('listConnections', {}, { host: `localhost:${web.port}` });

    expect(response.status).toBe(200);
  });

  it('rejects Origin of other site with 403', async () => {
    const response = await callApi('listConnections', {}, { origin: 'http://evil.example' });

    expect(response.status).toBe(403);
  });

  it('rejects null Origin', async () => {
    const response = await callApi('listConnections', {}, { origin: 'null' });

    expect(response.status).toBe(403);
  });

  it('rejects https Origin of same host', async () => {
    const response = await callApi(
      'listConnections',
      {},
      { origin: `https://127.0.0.1:${web.port}` },
    );

    expect(response.status).toBe(403);
  });

  it('accepts own Origin', async () => {
    const response = await callApi(
      'listConnections',
      {},
      { origin: `http://127.0.0.1:${web.port}` },
    );

    expect(response.status).toBe(200);
  });
});

describe('web server API requests', () => {
  it('rejects GET with 405', async () => {
    const response = await send({
      path: '/api/listConnections',
      headers: { [API_TOKEN_HEADER]: web.token },
    });

    expect(response.status).toBe(405);
  });

  it('rejects non-JSON content type', async () => {
    const response = await callApi('listConnections', {}, { 'content-type': 'text/plain' });

    expect(response.status).toBe(415);
  });

  it('rejects invalid JSON body', async () => {
    const response = await send({
      method: 'POST',
      path: '/api/listConnections',
      headers: { 'content-type': 'application/json', [API_TOKEN_HEADER]: web.token },
      body: '{"connectionId":',
    });

    expect(response.status).toBe(400);
  });

  it('rejects body over 4 MiB with 413', async () => {
    const response = await send({
      method: 'POST',
      path: '/api/pushJob',
      headers: { 'content-type': 'application/json', [API_TOKEN_HEADER]: web.token },
      body: Buffer.alloc(4 * 1024 * 1024 + 1, 'x'),
    });

    expect(response.status).toBe(413);
  });

  it('returns operation errors as data', async () => {
    const response = await callApi('createQueue', { connectionId: 'sandbox', name: 'my.queue' });
    const result = JSON.parse(response.body) as { ok: boolean; error: { code: string } };

    expect(response.status).toBe(200);
    expect(result.error.code).toBe('INVALID_QUEUE_NAME');
  });
});

describe('web server static files', () => {
  it('serves index.html at root', async () => {
    const response = await send({ path: '/' });

    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves script with JS type', async () => {
    const response = await send({ path: '/app.js' });

    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('sends content security policy', async () => {
    const response = await send({ path: '/' });

    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('returns 404 for missing file', async () => {
    const response = await send({ path: '/missing.js' });

    expect(response.status).toBe(404);
  });

  it.each([
    ['dot segments', '/../secret.txt'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['encoded slash', '/..%2fsecret.txt'],
    ['encoded backslash', '/..%5csecret.txt'],
    ['sibling folder', '/..%2frenderer-other/secret.txt'],
    ['double slash', '//..%2fsecret.txt'],
  ])('keeps %s inside renderer folder', async (_case, path) => {
    const response = await send({ path });

    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET_OUTSIDE);
  });

  it('returns 404 for malformed escape', async () => {
    const response = await send({ path: '/%E0%A4%A' });

    expect(response.status).toBe(404);
  });

  it('rejects absolute-form request path', async () => {
    const response = await send({ path: 'http://evil.example/index.html' });

    expect(response.status).toBe(400);
  });

  it('rejects POST to static path', async () => {
    const response = await send({ method: 'POST', path: '/', body: '' });

    expect(response.status).toBe(405);
  });
});

describe('web server address', () => {
  /** Returns the local addresses of listening TCP sockets on `port`, from /proc/net/tcp. */
  function listeningAddresses(port: number): string[] {
    const portHex = port.toString(16).toUpperCase().padStart(4, '0');
    const addresses: string[] = [];
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!existsSync(table)) continue;
      for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const [, local, , state] = line.trim().split(/\s+/);
        const [address, localPort] = (local ?? '').split(':');
        if (localPort === portHex && state === '0A') addresses.push(address ?? '');
      }
    }
    return addresses;
  }

  it.runIf(existsSync('/proc/net/tcp'))('listens on 127.0.0.1 only', () => {
    // /proc/net/tcp writes 127.0.0.1 as little-endian hex.
    expect(listeningAddresses(web.port)).toEqual(['0100007F']);
  });
});
