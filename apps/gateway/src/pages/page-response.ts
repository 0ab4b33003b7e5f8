import { Response } from 'express';
import { ProblemError } from '@intensify/problems';
import { pageDocument } from './page-document';
import { readPublicFile } from './public-files';

/** Sends one file of a page's folder, or a 404 problem; its security headers are the gateway's. */
export function sendPageFile(res: Response, folder: string, name: string): void {
  const file = readPublicFile(folder, name);
  if (!file) throw new ProblemError('not_found', `No page asset named ${name}`);
  // no-cache: the page changes with the API, so browsers revalidate (ETag) on every load.
  res
    .status(200)
    .set({ 'content-type': file.contentType, 'cache-control': 'no-cache' })
    .send(name.endsWith('.html') ? pageDocument(file.body.toString('utf8')) : file.body);
}
