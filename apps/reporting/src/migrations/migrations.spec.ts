import { migrationSql } from '@intensify/testing';
import { InitialReporting1763800000000 } from './1763800000000-initial-reporting';
import { CorrectionsAndAudit1763900000000 } from './1763900000000-corrections-and-audit';
import { FocusForces1764100000000 } from './1764100000000-focus-forces';
import { Baselines1764520000000 } from './1764520000000-baselines';

// Migrations are history: the SQL they run stays what the deployed databases already ran.
it('runs the SQL it always ran', async () => {
  expect(
    await migrationSql(
      [
        InitialReporting1763800000000,
        CorrectionsAndAudit1763900000000,
        FocusForces1764100000000,
        Baselines1764520000000,
      ],
      'reporting',
    ),
  ).toMatchSnapshot();
});
