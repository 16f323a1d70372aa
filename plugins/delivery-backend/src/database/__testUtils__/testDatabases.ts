import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * SQLite always; PostgreSQL 16 when a connection string is given
 * (`BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING`, as `.ci/run` does)
 * or on CI where Docker is available. Locally without either, the PG cases
 * are skipped cleanly.
 */
export function createTestDatabases(): TestDatabases {
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  if (
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING ||
    process.env.CI
  ) {
    ids.push('POSTGRES_16');
  }
  return TestDatabases.create({ ids });
}
