import { CspDirectives } from '@intensify/runtime';
import { AuthSettings } from '../auth/auth-settings';

const NONE = "'none'";
const SELF = "'self'";

/**
 * The pages are ES modules and stylesheets from this origin, talking to this origin's API; the
 * board's map is inline SVG drawn by script, and its icons may be `data:` images. With OIDC
 * sign-in the pages also call the provider's token endpoint, so its origin may be fetched.
 */
export function pageCsp(auth: Pick<AuthSettings, 'AUTH_MODE' | 'AUTH_ISSUER'>): CspDirectives {
  const provider =
    auth.AUTH_MODE === 'oidc' && auth.AUTH_ISSUER ? [new URL(auth.AUTH_ISSUER).origin] : [];
  return {
    'default-src': [SELF],
    'script-src': [SELF],
    'style-src': [SELF],
    'img-src': [SELF, 'data:'],
    'connect-src': [SELF, ...provider],
    'object-src': [NONE],
    'frame-ancestors': [NONE],
    'base-uri': [NONE],
    'form-action': [SELF],
  };
}

/**
 * `/api/docs` is swagger-ui as @nestjs/swagger serves it: its scripts are files of this origin,
 * but its page carries inline `<style>` blocks and style attributes, and its icons are `data:`.
 */
export const DOCS_CSP: CspDirectives = {
  'default-src': [SELF],
  'script-src': [SELF],
  'style-src': [SELF, "'unsafe-inline'"],
  'img-src': [SELF, 'data:'],
  'connect-src': [SELF],
  'object-src': [NONE],
  'frame-ancestors': [NONE],
  'base-uri': [NONE],
  'form-action': [NONE],
};
