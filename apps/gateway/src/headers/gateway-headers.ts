import { RequestHandler } from 'express';
import { API_CSP, securityHeaders } from '@intensify/runtime';
import { AuthSettings } from '../auth/auth-settings';
import { DOCS_CSP, pageCsp } from './content-security';

/**
 * The gateway answers three kinds of thing, each with its own Content-Security-Policy: the API
 * (data only), the API's browsable docs, and the pages. Every answer gets helmet's other headers.
 */
export function gatewaySecurityHeaders(
  auth: Pick<AuthSettings, 'AUTH_MODE' | 'AUTH_ISSUER'>,
): RequestHandler {
  const docs = securityHeaders(DOCS_CSP);
  const api = securityHeaders(API_CSP);
  const pages = securityHeaders(pageCsp(auth));
  return (req, res, next) => {
    const path = req.path;
    if (path === '/api/docs' || path.startsWith('/api/docs/')) return docs(req, res, next);
    if (path.startsWith('/api/') || path === '/metrics') return api(req, res, next);
    return pages(req, res, next);
  };
}
