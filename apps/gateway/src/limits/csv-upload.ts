import { Request } from 'express';
import { checkDeclaredLength, ProblemError } from '@intensify/problems';
import { CSV_MEDIA_TYPES } from './csv-media-type.middleware';

/**
 * Reads a CSV upload's body with `read` (which streams it, see streamCsv), after refusing what
 * can be refused unread: another media type (415) or a declared length over `limit` (413). A
 * refusal is answered at once, even while the body is still arriving (see discardRest).
 */
export async function readCsvUpload<T>(
  req: Request,
  limit: number,
  read: (body: Request) => Promise<T>,
): Promise<T> {
  try {
    if (!req.is(CSV_MEDIA_TYPES))
      throw new ProblemError('unsupported_media_type', 'Send the return as Content-Type: text/csv');
    checkDeclaredLength(req.headers, limit);
    return await read(req);
  } catch (e) {
    if (!req.readableEnded) discardRest(req, limit);
    throw e;
  }
}

/**
 * What still arrives after a refusal is dropped unread, so that clients still sending (fetch
 * among them) read the answer rather than a broken connection; past twice the limit, the
 * connection is cut. Nothing is kept, so memory stays flat whatever the client sends.
 */
function discardRest(req: Request, limit: number): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 2 * limit) req.socket.destroy();
  });
  req.resume();
}
