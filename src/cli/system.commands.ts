import { migrate } from 'src/database/bootstrap.js';
import { readFileSync } from 'node:fs';
import { AuditService, type SignedCheckpoint } from 'src/modules/audit/audit.service.js';
import { type CliCommand, parseOptions, withAppContext } from 'src/cli/command.js';

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
  usage: 'audit verify [--checkpoint FILE]',
  description:
    'Walk every audit chain; name the first broken or missing event (exit 1) or confirm them whole (exit 0). With --checkpoint, also prove the chains still extend that signed checkpoint (as printed by `audit checkpoint`) and name each chain that does not.',
  async run(args, io, config) {
    const { options } = parseOptions(args);
    const file = options.get('checkpoint');
    let checkpoint: SignedCheckpoint | undefined;
    if (file !== undefined) {
      if (file === true) {
        io.stderr.write('saraban: --checkpoint needs a file\n');
        return 2;
      }
      try {
        checkpoint = JSON.parse(readFileSync(file, 'utf8')) as SignedCheckpoint;
      } catch (error) {
        io.stderr.write(`saraban: cannot read checkpoint ${file}: ${(error as Error).message}\n`);
        return 2;
      }
    }
    const outcome = await withAppContext(config(), async (app) => {
      const audit = app.get(AuditService);
      if (!checkpoint) return { chains: await audit.verify(), checkpoint: undefined };
      return audit.verifyCheckpoint(checkpoint);
    });
    let code = 0;
    const result = outcome.chains;
    if (result.ok) {
      io.stdout.write(`audit chains intact: ${result.events} events in ${result.chains} chains\n`);
    } else {
      io.stdout.write(
        `audit chain ${result.chain} broken at event id ${result.brokenId} (${result.reason}); ${result.events} events before it are intact\n`,
      );
      code = 1;
    }
    const proof = outcome.checkpoint;
    if (proof?.ok) {
      io.stdout.write(
        `checkpoint ${proof.checkpointId}: all ${proof.chains} chains still extend it\n`,
      );
    } else if (proof) {
      code = 1;
      if (proof.reason === 'not_extended') {
        io.stdout.write(
          `checkpoint ${proof.checkpointId}: ${proof.chains.length} chains no longer extend it\n`,
        );
        for (const c of proof.chains) {
          io.stdout.write(
            `  chain ${c.chain}: event id ${c.eventId} at position ${c.events} is ${c.reason === 'missing' ? 'missing' : 'no longer there (rewritten)'}\n`,
          );
        }
      } else {
        const why = {
          bad_signature: 'its signature does not hold',
          other_key: 'it is signed by another key than this deployment’s',
          malformed: 'it is not a checkpoint',
        }[proof.reason];
        io.stdout.write(`checkpoint ${proof.checkpointId}: ${why}\n`);
      }
    }
    return code;
  },
};

export const auditCheckpointCommand: CliCommand = {
  words: ['audit', 'checkpoint'],
  usage: 'audit checkpoint [--new]',
  description:
    'Print the newest signed audit checkpoint as JSON (keep it outside the database); --new signs one now first.',
  async run(args, io, config) {
    const { options } = parseOptions(args);
    const checkpoint = await withAppContext(config(), (app) => {
      const audit = app.get(AuditService);
      return options.has('new') ? audit.createCheckpoint() : audit.newestCheckpoint();
    });
    if (!checkpoint) {
      io.stderr.write(
        'saraban: no audit checkpoint yet (the worker signs one on schedule; or --new)\n',
      );
      return 1;
    }
    io.stdout.write(`${JSON.stringify(checkpoint, null, 2)}\n`);
    return 0;
  },
};
