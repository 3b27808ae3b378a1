/** Header that carries the per-launch token of web mode on every API request. */
export const API_TOKEN_HEADER = 'x-muqu-token';
