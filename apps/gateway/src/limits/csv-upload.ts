import { Request, Response } from 'express';
import { checkDeclaredLength, ProblemError } from '@intensify/problems';
import { CSV_MEDIA_TYPES } from './csv-media-type.middleware';

/**
 * Reads a CSV upload's body with `read` (which streams it, see streamCsv), after refusing what
 * can be refused unread: another media type (415) or a declared length over `limit` (413). A
 * refusal while the body is still arriving closes the connection, so the rest is never read.
 */
export async function readCsvUpload<T>(
  req: Request,
  res: Response,
  limit: number,
  read: (body: Request) => Promise<T>,
): Promise<T> {
  try {
    if (!req.is(CSV_MEDIA_TYPES))
      throw new ProblemError('unsupported_media_type', 'Send the return as Content-Type: text/csv');
    checkDeclaredLength(req.headers, limit);
    return await read(req);
  } catch (e) {
    if (!req.readableEnded) res.setHeader('connection', 'close');
    throw e;
  }
}
