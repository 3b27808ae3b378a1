import pino from 'pino';

/**
 * The one logger of the main process. Areas take a child (`logger.child({ area })`).
 * Redaction covers every field name that can carry a secret, at any depth up to two
 * levels, so a careless `log.info({ config })` still leaks nothing.
 */
export const logger = pino(
  {
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
  },
  // Standard error, so that standard output carries only what is meant for the user
  // (web mode's URL with its token) and `npm start > app.log` keeps the token out.
  pino.destination(2),
);

export type Logger = pino.Logger;
