import pino from 'pino';

/**
 * The one logger of the main process. Areas take a child (`logger.child({ area })`).
 * Redaction covers every field name that can carry a secret, at any depth up to two
 * levels, so a careless `log.info({ config })` still leaks nothing.
 */
export const logger = pino({
  level: process.env.MUQU_LOG_LEVEL ?? 'info',
  redact: {
    paths: [
      'secretAccessKey',
      'sessionToken',
      'token',
      'authorization',
      'credentials',
      '*.secretAccessKey',
      '*.sessionToken',
      '*.token',
      '*.authorization',
      '*.credentials',
      '*.*.secretAccessKey',
      '*.*.sessionToken',
    ],
    censor: '[redacted]',
  },
});

export type Logger = pino.Logger;
