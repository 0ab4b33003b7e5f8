import { Response } from 'express';
import { ProblemError } from '@intensify/problems';
import { pageDocument } from './page-document';
import { readPublicFile } from './public-files';

/** Pages only talk to this origin's API; nothing else may load or frame them. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Sends one file of a page's folder, or a 404 problem. */
export function sendPageFile(res: Response, folder: string, name: string): void {
  const file = readPublicFile(folder, name);
  if (!file) throw new ProblemError('not_found', `No page asset named ${name}`);
  // no-cache: the page changes with the API, so browsers revalidate (ETag) on every load.
  res
    .status(200)
    .set({ ...SECURITY_HEADERS, 'content-type': file.contentType, 'cache-control': 'no-cache' })
    .send(name.endsWith('.html') ? pageDocument(file.body.toString('utf8')) : file.body);
}
