import { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CSV_OPTIONS, CsvRecord, csvProblems } from './csv-body';
import { ProblemError } from './problem.error';

export interface UploadLimits {
  bytes: number;
  rows: number;
}

export interface CsvRowHandler {
  /** The header row, names trimmed; throw a problem to refuse the file. */
  header(names: string[]): void;
  /** Each data row as it arrives, numbered from 1. */
  row(record: CsvRecord, row: number): void;
}

const MIB = 1024 * 1024;
/** Longest stretch of row checks before other work gets the event loop. */
const SLICE_MS = 10;
const PIECE_BYTES = 8 * 1024;

function sizeOf(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;
}

export function tooLarge(limit: number): ProblemError {
  return new ProblemError(
    'payload_too_large',
    `The file exceeds this endpoint's limit of ${sizeOf(limit)}`,
  );
}

/** A declared length over the limit is refused before a byte of the body is read. */
export function checkDeclaredLength(headers: IncomingHttpHeaders, limit: number): void {
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
}

/**
 * Counts the bytes of an upload as they arrive and stops reading at the limit: 413 then, and
 * the rest of the body is never read (the answer closes the connection). The source is paused,
 * not destroyed, so the answer can still be written to it.
 */
function limitedChunks(
  source: Readable,
  limit: number,
  onChunk: (chunk: Buffer) => void,
  onEnd: () => void,
  fail: (e: unknown) => void,
): () => void {
  let bytes = 0;
  const data = (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > limit) return fail(tooLarge(limit));
    onChunk(chunk);
  };
  const closed = () => {
    if (!source.readableEnded)
      fail(new ProblemError('validation_failed', 'The upload was cut off'));
  };
  source.on('data', data).once('end', onEnd).once('error', fail).once('close', closed);
  return () => {
    source.off('data', data).off('end', onEnd).off('error', fail).off('close', closed);
    source.pause();
  };
}

/** Reads a text upload of at most `limit` bytes (UTF-8). */
export function readLimitedText(source: Readable, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stop = limitedChunks(
      source,
      limit,
      (c) => chunks.push(c),
      () => {
        stop();
        resolve(Buffer.concat(chunks).toString('utf8'));
      },
      (e) => {
        stop();
        reject(e);
      },
    );
  });
}

/**
 * Parses a CSV upload as it arrives (see CSV_OPTIONS), handing each row on at once, so that a
 * large file neither sits in memory nor holds the event loop: at most `limits.bytes` bytes and
 * `limits.rows` data rows, 413 as soon as either is passed. Resolves with the number of rows.
 */
export function streamCsv(
  source: Readable,
  limits: UploadLimits,
  handler: CsvRowHandler,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const parser = parse({ ...CSV_OPTIONS, info: true });
    let rows = -1; // the header comes first
    // A socket's chunk is fed to the parser in pieces, each once the rows before are checked:
    // nothing piles up, and no one turn of the event loop parses much.
    const pieces: Buffer[] = [];
    let ended = false;
    const feed = (): void => {
      if (settled) return;
      source.pause();
      while (pieces.length)
        if (!parser.write(pieces.shift())) return void parser.once('drain', feed);
      if (ended) parser.end();
      else source.resume();
    };
    let settled = false;
    const finish = (e?: unknown) => {
      if (settled) return;
      settled = true;
      stop();
      parser.destroy();
      if (e) reject(e);
      else resolve(Math.max(rows, 0));
    };
    const stop = limitedChunks(
      source,
      limits.bytes,
      (chunk) => {
        if (chunk.includes(0)) return finish(csvProblems.binary());
        for (let at = 0; at < chunk.length; at += PIECE_BYTES)
          pieces.push(chunk.subarray(at, at + PIECE_BYTES));
        feed();
      },
      () => {
        ended = true;
        feed();
      },
      finish,
    );
    // Rows are checked a slice of time at a time, so that other requests are served between.
    let resumeLater = false;
    const readRows = () => {
      resumeLater = false;
      const until = performance.now() + SLICE_MS;
      while (!settled) {
        if (performance.now() > until) {
          resumeLater = true;
          return void setImmediate(readRows);
        }
        const record = parser.read() as CsvRecord | null;
        if (record === null) return;
        try {
          rows += 1;
          if (rows === 0) handler.header(record.record.map((h) => h.trim()));
          else if (rows > limits.rows)
            throw new ProblemError(
              'payload_too_large',
              `A return may hold at most ${limits.rows} rows; this one has more`,
            );
          else handler.row(record, rows);
        } catch (e) {
          finish(e);
        }
      }
    };
    parser.on('readable', () => resumeLater || readRows());
    parser.once('error', (e) => finish(csvProblems.malformed(e)));
    parser.once('end', () => finish(rows < 0 ? csvProblems.empty() : undefined));
  });
}
