import { existsSync, readFileSync, statSync } from 'node:fs';
import { Response } from 'express';
import { ProblemError } from '@intensify/problems';
import { dirname, extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A plain file name: no folders, no leading dot, so nothing outside the folder is reachable. */
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

export interface PublicFile {
  body: Buffer;
  contentType: string;
}

/**
 * The gateway's static pages live in `apps/gateway/public`, which the TypeScript build does
 * not copy: walking up from here finds it both from `dist/apps/gateway/src/pages` and from
 * the sources, so a fresh clone needs no extra build step.
 */
export function findPublicFolder(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'gateway', 'public');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`no apps/gateway/public folder above ${start}`);
  }
}

/** Reads `name` from `folder` if it is a regular file of a known type there, else null. */
export function readPublicFile(folder: string, name: string): PublicFile | null {
  const contentType = CONTENT_TYPES[extname(name)];
  if (!SAFE_NAME.test(name) || !contentType) return null;
  const root = resolve(folder);
  const path = resolve(root, name);
  if (!path.startsWith(root + sep)) return null;
  try {
    if (!statSync(path).isFile()) return null;
    return { body: readFileSync(path), contentType };
  } catch {
    return null;
  }
}

/** The pages only talk to this origin's API; nothing else may load or frame them. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Sends a page file, or a 404 problem; no-cache so browsers revalidate (ETag) on every load. */
export function sendPublicFile(res: Response, folder: string, name: string): void {
  const file = readPublicFile(folder, name);
  if (!file) throw new ProblemError('not_found', `No page asset named ${name}`);
  res
    .status(200)
    .set({ ...SECURITY_HEADERS, 'content-type': file.contentType, 'cache-control': 'no-cache' })
    .send(file.body);
}
