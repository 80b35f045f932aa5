import { type CliCommand, parseOptions, withAppContext } from 'src/cli/command.js';
import { progressBar } from 'src/cli/progress.js';
import { SeedService } from 'src/modules/seed/seed.service.js';

export const seedCommand: CliCommand = {
  words: ['seed'],
  usage: 'seed --demo | --national',
  description:
    'Idempotent seeds: --demo a small Roi Et tree with demo accounts; --national the approximate national unit tree (~8,800 units).',
  async run(args, io, config) {
    const { options } = parseOptions(args);
    const demo = options.has('demo');
    const national = options.has('national');
    if (demo === national) {
      io.stderr.write('saraban: seed needs exactly one of --demo or --national\n');
      return 2;
    }
    return withAppContext(config(), async (app) => {
      const seeds = app.get(SeedService);
      const started = Date.now();
      let report;
      if (national) {
        const bar = progressBar(io.stderr, 'units');
        report = await seeds.seedNational((done, total) => bar.update(done, total));
        bar.finish();
      } else {
        report = await seeds.seedDemo();
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      io.stdout.write(
        `${national ? 'national' : 'demo'} seed: ${report.unitsInserted} of ${report.unitsTotal} units inserted` +
          (demo ? `, ${report.usersCreated} demo accounts created` : '') +
          ` in ${seconds} s\n`,
      );
      for (const [kind, count] of Object.entries(report.countsByKind)) {
        io.stdout.write(`  ${kind.padEnd(32)} ${count}\n`);
      }
      return 0;
    });
  },
};
