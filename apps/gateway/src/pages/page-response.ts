import { Response } from 'express';
import { ProblemError } from '@intensify/problems';
import { GatewayEnv } from '../config';
import { pageDocument } from './page-document';
import { readPublicFile } from './public-files';

/**
 * Where pages may send requests: this origin's API and, when signing in through a provider,
 * the provider (its token endpoint, its discovery for signing out), on AUTH_ISSUER's origin.
 */
export function pageConnectSources(env: Pick<GatewayEnv, 'AUTH_MODE' | 'AUTH_ISSUER'>): string {
  return env.AUTH_MODE === 'oidc' && env.AUTH_ISSUER
    ? `'self' ${new URL(env.AUTH_ISSUER).origin}`
    : "'self'";
}

/** Pages only talk to this origin's API (and provider); nothing else may load or frame them. */
export function pageSecurityHeaders(
  env: Pick<GatewayEnv, 'AUTH_MODE' | 'AUTH_ISSUER'>,
): Record<string, string> {
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${pageConnectSources(env)}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** Sends one file of a page's folder, with `headers`, or a 404 problem. */
export function sendPageFile(
  res: Response,
  folder: string,
  name: string,
  headers: Record<string, string>,
): void {
  const file = readPublicFile(folder, name);
  if (!file) throw new ProblemError('not_found', `No page asset named ${name}`);
  // no-cache: the page changes with the API, so browsers revalidate (ETag) on every load.
  res
    .status(200)
    .set({ ...headers, 'content-type': file.contentType, 'cache-control': 'no-cache' })
    .send(name.endsWith('.html') ? pageDocument(file.body.toString('utf8')) : file.body);
}
