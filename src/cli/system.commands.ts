import { migrate } from 'src/database/bootstrap.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { type CliCommand, withAppContext } from 'src/cli/command.js';

export const migrateCommand: CliCommand = {
  words: ['migrate'],
  usage: 'migrate',
  description:
    'Create the database if missing and apply pending migrations (under an advisory lock).',
  async run(_args, io, config) {
    const applied = await migrate(config().databaseUrl);
    io.stdout.write(
      applied.length === 0 ? 'schema is up to date\n' : `applied: ${applied.join(', ')}\n`,
    );
    return 0;
  },
};

export const auditVerifyCommand: CliCommand = {
  words: ['audit', 'verify'],
  usage: 'audit verify',
  description:
    'Walk the audit hash chain; name the first broken row (exit 1) or confirm it whole (exit 0).',
  async run(_args, io, config) {
    const result = await withAppContext(config(), (app) => app.get(AuditService).verify());
    if (result.ok) {
      io.stdout.write(`audit chain intact: ${result.events} events\n`);
      return 0;
    }
    io.stdout.write(
      `audit chain broken at event id ${result.brokenId} (${result.reason}); ${result.events} events before it are intact\n`,
    );
    return 1;
  },
};
