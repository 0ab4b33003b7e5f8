import { Response } from 'express';
import { ProblemError } from '@intensify/problems';
import { pageDocument } from './page-document';
import { readPublicFile } from './public-files';

/** Sends one file of a page's folder, or a 404 problem; its security headers are the gateway's. */
export function sendPageFile(res: Response, folder: string, name: string): void {
  const file = readPublicFile(folder, name);
  if (!file) throw new ProblemError('not_found', `No page asset named ${name}`);
  send(
    res,
    file.contentType,
    name.endsWith('.html') ? pageDocument(file.body.toString('utf8')) : file.body,
  );
}

/** Sends a module the gateway wrote, like a page's own script. */
export function sendPageScript(res: Response, source: string): void {
  send(res, 'text/javascript; charset=utf-8', source);
}

function send(res: Response, contentType: string, body: string | Buffer): void {
  // no-cache: the page changes with the API, so browsers revalidate (ETag) on every load.
  res.status(200).set({ 'content-type': contentType, 'cache-control': 'no-cache' }).send(body);
}
