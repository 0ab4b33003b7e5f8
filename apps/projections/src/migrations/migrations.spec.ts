import { migrationSql } from '@intensify/testing';
import { PROJECTION_MIGRATIONS } from '.';

// Migrations are history: the SQL they run stays what the deployed databases already ran.
it('runs the SQL it always ran', async () => {
  expect(await migrationSql(PROJECTION_MIGRATIONS, 'projections')).toMatchSnapshot();
});
