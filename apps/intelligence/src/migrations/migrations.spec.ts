import { migrationSql } from '@intensify/testing';
import { InitialIntelligence1764100000000 } from './1764100000000-initial-intelligence';
import { AuditOperation1764400000000 } from './1764400000000-audit-operation';
import { LineClosures1764900000000 } from './1764900000000-line-closures';
import { AlertDesks1765000000000 } from './1765000000000-alert-desks';
import { FocusForceOverrides1765030000000 } from './1765030000000-focus-force-overrides';

// Migrations are history: the SQL they run stays what the deployed databases already ran.
it('runs the SQL it always ran', async () => {
  expect(
    await migrationSql(
      [
        InitialIntelligence1764100000000,
        AuditOperation1764400000000,
        LineClosures1764900000000,
        AlertDesks1765000000000,
        FocusForceOverrides1765030000000,
      ],
      'intelligence',
    ),
  ).toMatchSnapshot();
});
