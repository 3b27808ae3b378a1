import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';
import { API_TOKEN_HEADER } from '../../src-shared/web-transport';
import { HTTP_API_PREFIX } from '../../src-shared/api';
import type { Dispatch } from '../api/dispatch';
import type { Logger } from '../logger';

/** Largest request body accepted: a 1 MiB job escaped into JSON can double in size. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  log: Logger;
  port?: number;
  token?: string;
}

function tokensMatch(expected: Buffer, received: string | undefined): boolean {
  if (received === undefined) return false;
  const receivedBuffer = Buffer.from(received);
  return receivedBuffer.length === expected.length && timingSafeEqual(receivedBuffer, expected);
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'application/json',
): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  response.end(body);
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  send(response, status, JSON.stringify({ ok: false, error: { code, message } }));
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses the path of a request, or returns null when it is not a path. The base is
 * prepended rather than resolved against, because `new URL('//x', base)` reads `x`
 * as a host name and throws.
 */
function parseRequestPath(path: string): URL | null {
  if (!path.startsWith('/')) return null;
  try {
    return new URL(`http://127.0.0.1${path}`);
  } catch {
    return null;
  }
}

/** Decodes percent escapes of a URL path, or returns null when they are malformed. */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/**
 * Starts the web-mode transport: the built renderer and the API over HTTP on
 * 127.0.0.1 only. Every API request must carry the per-launch token; Host must name
 * the loopback address and port (against DNS rebinding) and a present Origin must be
 * this server (against other pages in the same browser).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expectedToken = Buffer.from(token);
  let allowedHosts = new Set<string>();

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      options.log.error({ err: error, url: request.url }, 'web request failed');
      if (!response.headersSent)
        sendError(response, 500, 'INTERNAL', 'The request failed inside MuQu Desktop.');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      sendError(
        response,
        421,
        'UNAUTHORIZED',
        'Unexpected Host header; open the URL MuQu Desktop printed.',
      );
      return;
    }
    const url = parseRequestPath(request.url ?? '/');
    if (url === null) {
      sendError(response, 400, 'INVALID_INPUT', 'The request path is not valid.');
      return;
    }

    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      await handleApi(request, response, url.pathname.slice(HTTP_API_PREFIX.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, 405, 'INVALID_INPUT', 'Only GET is allowed here.');
      return;
    }
    await serveStatic(url.pathname, response);
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    operation: string,
  ): Promise<void> {
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      sendError(response, 403, 'UNAUTHORIZED', 'Requests from other sites are not allowed.');
      return;
    }
    const tokenHeader = request.headers[API_TOKEN_HEADER];
    if (!tokensMatch(expectedToken, typeof tokenHeader === 'string' ? tokenHeader : undefined)) {
      sendError(
        response,
        401,
        'UNAUTHORIZED',
        'Missing or wrong token; open the URL MuQu Desktop printed.',
      );
      return;
    }
    if (request.method !== 'POST') {
      sendError(response, 405, 'INVALID_INPUT', 'API requests use POST.');
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendError(response, 415, 'INVALID_INPUT', 'API requests must be application/json.');
      return;
    }

    const body = await readBody(request);
    if (body === null) {
      // The rest of the body was not read, so this connection cannot carry another request.
      response.setHeader('connection', 'close');
      sendError(
        response,
        413,
        'INVALID_INPUT',
        `The request is larger than ${MAX_REQUEST_BYTES} bytes.`,
      );
      return;
    }
    let input: unknown;
    try {
      input = body === '' ? {} : JSON.parse(body);
    } catch {
      sendError(response, 400, 'INVALID_INPUT', 'The request body is not valid JSON.');
      return;
    }
    const result = await options.dispatch(operation, input);
    send(response, 200, JSON.stringify(result));
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const decoded = decodePath(pathname);
    if (decoded === null) {
      sendError(response, 404, 'INVALID_INPUT', 'Not found.');
      return;
    }
    const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const filePath = normalize(join(options.rendererDir, relative));
    if (!filePath.startsWith(options.rendererDir + sep)) {
      sendError(response, 404, 'INVALID_INPUT', 'Not found.');
      return;
    }
    try {
      const content = await readFile(filePath);
      response.writeHead(200, {
        'content-type': contentTypes[extname(filePath)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      });
      response.end(content);
    } catch {
      sendError(response, 404, 'INVALID_INPUT', 'Not found.');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  options.log.info({ port }, 'web mode listening on 127.0.0.1');

  return {
    url,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
