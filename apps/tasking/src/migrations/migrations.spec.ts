import { migrationSql } from '@intensify/testing';
import { InitialTasking1764000000000 } from './1764000000000-initial-tasking';
import { LineReferences1764900000000 } from './1764900000000-line-references';

// Migrations are history: the SQL they run stays what the deployed databases already ran.
it('runs the SQL it always ran', async () => {
  expect(
    await migrationSql([InitialTasking1764000000000, LineReferences1764900000000], 'tasking'),
  ).toMatchSnapshot();
});
