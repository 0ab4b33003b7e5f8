import { Page } from '@intensify/contracts';

/** The pages of a cursor-paged list, each read when the one before has been taken. */
export async function* eachPage<T>(
  read: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<Page<T>> {
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    yield page;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
