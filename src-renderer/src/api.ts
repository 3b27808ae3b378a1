import { httpPath, type OperationName } from '../../src-shared/api';
import { createApiClient, type ApiClient } from '../../src-shared/client';
import type { ApiResult } from '../../src-shared/errors';
import { API_TOKEN_HEADER } from '../../src-shared/web-transport';

type Bridge = Record<string, (input: unknown) => Promise<ApiResult<unknown>>>;

declare global {
  interface Window {
    /** Set by the Electron preload script; absent in web mode. */
    muquApi?: Bridge;
  }
}

const TOKEN_KEY = 'muqu-web-token';

/**
 * Reads the web-mode token from the URL fragment once, keeps it for this tab and
 * removes it from the address bar so it does not end up in history or screenshots.
 */
function webToken(): string {
  const match = /token=([^&]+)/.exec(window.location.hash);
  if (match?.[1] !== undefined) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function webInvoke(token: string) {
  return async (name: OperationName, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      const response = await fetch(httpPath(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [API_TOKEN_HEADER]: token },
        body: JSON.stringify(input),
      });
      return (await response.json()) as ApiResult<unknown>;
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'CONNECTION_FAILED',
          message: `MuQu Desktop's web server did not respond (${String(error)}). If it stopped, start the app again and open the new URL it prints.`,
        },
      };
    }
  };
}

function createClient(): ApiClient {
  const bridge = window.muquApi;
  if (bridge !== undefined) {
    return createApiClient((name, input) => {
      const call = bridge[name];
      return call === undefined
        ? Promise.resolve({
            ok: false,
            error: { code: 'INTERNAL', message: `No bridge for ${name}.` },
          })
        : call(input);
    });
  }
  return createApiClient(webInvoke(webToken()));
}

export const apiClient: ApiClient = createClient();
