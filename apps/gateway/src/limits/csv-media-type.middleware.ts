import { NextFunction, Request, Response } from 'express';
import { ProblemError } from '@intensify/problems';
import { isCsvUpload } from './limited-routes';

export const CSV_MEDIA_TYPES = ['text/csv', 'application/csv'];

/** A CSV body is read by the routes that take one (as a stream); anywhere else it is a 415. */
export function refuseCsvElsewhere(req: Request, _res: Response, next: NextFunction): void {
  if (req.is(CSV_MEDIA_TYPES) && !isCsvUpload(req.method, req.path))
    return next(
      new ProblemError(
        'unsupported_media_type',
        'Only the CSV imports take Content-Type: text/csv; send this request as application/json',
      ),
    );
  next();
}
