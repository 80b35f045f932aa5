import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from 'src/app.module.js';
import type { AppConfig } from 'src/config/config.js';
import { PinoNestLogger } from 'src/logging/logger.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export interface CliCommand {
  /** Words that select the command, e.g. `['audit', 'verify']`. */
  words: string[];
  usage: string;
  description: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo, config: () => AppConfig): Promise<number>;
}

/** Reads `--name value` and `--flag` options. */
export function parseOptions(args: string[]): {
  options: Map<string, string | true>;
  rest: string[];
} {
  const options = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) options.set(name, inline);
      else if (i + 1 < args.length && !args[i + 1].startsWith('--')) options.set(name, args[++i]);
      else options.set(name, true);
    } else {
      rest.push(arg);
    }
  }
  return { options, rest };
}

/** Boots the application's services (no HTTP, no processors) for one command. */
export async function withAppContext<T>(
  config: AppConfig,
  body: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ config, worker: false }),
    { logger: new PinoNestLogger(), abortOnError: false },
  );
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
