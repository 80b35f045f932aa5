import 'reflect-metadata';
import type { CliCommand, CliIo } from 'src/cli/command.js';
import { seedCommand } from 'src/cli/seed.commands.js';
import {
  auditCheckpointCommand,
  auditVerifyCommand,
  migrateCommand,
} from 'src/cli/system.commands.js';
import {
  parseDateCommand,
  parseLetterCommand,
  parseRefCommand,
  readPdfCommand,
} from 'src/cli/thai.commands.js';
import { userCreateCommand } from 'src/cli/users.commands.js';
import { configOrExit, exitOnStartupError } from 'src/process/bootstrap.js';

/** Every administration command; `--help` lists them all. */
const COMMANDS: CliCommand[] = [
  migrateCommand,
  auditVerifyCommand,
  auditCheckpointCommand,
  seedCommand,
  userCreateCommand,
  parseLetterCommand,
  readPdfCommand,
  parseDateCommand,
  parseRefCommand,
];

function help(io: CliIo): void {
  io.stdout.write('Usage: node dist/cli.js <command> [options]\n\nCommands:\n');
  for (const command of COMMANDS) {
    io.stdout.write(`  ${command.usage}\n      ${command.description}\n`);
  }
  io.stdout.write('  --help\n      Show this list (or, after a command, its usage).\n');
}

async function main(argv: string[]): Promise<number> {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    help(io);
    return argv.length === 0 ? 2 : 0;
  }
  const command = COMMANDS.filter((c) => c.words.every((word, i) => argv[i] === word)).sort(
    (a, b) => b.words.length - a.words.length,
  )[0];
  if (!command) {
    io.stderr.write(`saraban: unknown command "${argv.join(' ')}"; see --help\n`);
    return 2;
  }
  if (argv.includes('--help')) {
    io.stdout.write(`Usage: node dist/cli.js ${command.usage}\n${command.description}\n`);
    return 0;
  }
  return command.run(argv.slice(command.words.length), io, () => configOrExit({ quiet: true }));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => exitOnStartupError(error),
);
