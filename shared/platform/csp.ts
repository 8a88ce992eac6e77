/**
 * The Content-Security-Policy of the renderer, in one place.
 *
 * The desktop protocol handler sends it as a header on every response; the renderer's
 * index.html carries the same string in a meta tag so `npm run web` is held to it too,
 * and a test compares the two.
 *
 * `style-src 'unsafe-inline'` is there for React's style attributes; scripts stay
 * strictly same-origin, and the app talks to no server, so `connect-src` is 'self'.
 * `frame-ancestors 'self'`: only the app itself may frame its pages (the browser build
 * prints a pack through a hidden frame on the print route); no other site can.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The same policy for a `<meta>` tag. Browsers ignore (and warn about) `frame-ancestors`
 * there; it only works as a header, which the desktop protocol handler sends.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
