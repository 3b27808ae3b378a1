/**
 * Content-Security-Policy of the renderer. Inline styles are allowed because CodeMirror
 * adds its theme styles at run time; scripts come only from the app's own files.
 */
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy for a `<meta>` tag, where browsers ignore `frame-ancestors`. */
export const META_CONTENT_SECURITY_POLICY = directives.join('; ');

/** The policy for an HTTP header, as web mode sends it. */
export const CONTENT_SECURITY_POLICY = [...directives, "frame-ancestors 'none'"].join('; ');
