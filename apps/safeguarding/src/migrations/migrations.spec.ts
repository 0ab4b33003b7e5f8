import { migrationSql } from '@intensify/testing';
import { InitialSafeguarding1766000000000 } from './1766000000000-initial-safeguarding';

// Migrations are history: the SQL they run stays what the deployed databases already ran.
it('runs the SQL it always ran', async () => {
  expect(await migrationSql([InitialSafeguarding1766000000000], 'safeguarding')).toMatchSnapshot();
});
