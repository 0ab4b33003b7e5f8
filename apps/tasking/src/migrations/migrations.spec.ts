import { migrationSql } from '@intensify/testing';
import { InitialTasking1764000000000 } from './1764000000000-initial-tasking';

// Migrations are history: the SQL they run stays what the deployed databases already ran.
it('runs the SQL it always ran', async () => {
  expect(await migrationSql([InitialTasking1764000000000], 'tasking')).toMatchSnapshot();
});
