import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from 'src/database/data-source.js';

/** CI fails when entities and committed migrations disagree (the template was migrated). */
describe('schema', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 2)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('has no pending migration and no difference between entities and migrations', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });
});
