import { DataSource } from 'typeorm';
import { loadConfig } from 'src/config/config.js';
import { dataSourceOptions } from 'src/database/data-source.js';

/** For the TypeORM CLI only: `npm run typeorm -- migration:generate src/database/migrations/Name`. */
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));
