/**
 * Security headers on every HTTP answer (pages, static files, the API): a CSP that allows only the
 * app's own scripts (no inline script, no eval), no framing, no MIME sniffing, no referrer. Inline
 * styles stay allowed: the editor injects a <style> element (the browser tests see it blocked without
 * 'unsafe-inline'). A header a route set itself wins, so
 * the HTML export keeps its stricter policy. Websocket upgrades pass untouched.
 */
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** The page's policy; `'self'` covers the same-origin websocket (CSP level 3). */
export const APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: APP_CSP,
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
    // HTTPS, and so HSTS, belongs to the operator's reverse proxy: on plain HTTP it would be ignored.
    strictTransportSecurity: false,
    overwrite: false,
  });
  return async (c, next) => {
    if (c.req.path.startsWith("/ws/")) return next();
    return headers(c, next);
  };
}
