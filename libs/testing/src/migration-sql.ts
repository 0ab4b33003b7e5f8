import { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/**
 * The SQL each migration runs, up then down, recorded against a stand-in query runner: migrations
 * are history, so a spec holds this text to what the deployed databases already ran.
 */
export async function migrationSql(
  migrations: MigrationClass[],
  schema: string,
): Promise<Record<string, { up: string[]; down: string[] }>> {
  const recorded: Record<string, { up: string[]; down: string[] }> = {};
  for (const Migration of migrations) {
    const sql = { up: [] as string[], down: [] as string[] };
    for (const step of ['up', 'down'] as const) {
      const runner = {
        query: async (text: string) => void sql[step].push(text),
        connection: { options: { schema } },
      };
      await new Migration()[step](runner as never);
    }
    recorded[Migration.name] = sql;
  }
  return recorded;
}
