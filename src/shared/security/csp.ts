/** The page's policy: only our own scripts; antd injects style tags, so inline styles stay allowed. */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** Sent as the Content-Security-Policy header (browser mode and app://). */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The same policy as a <meta> in the built index.html (frame-ancestors only works as a header). */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
