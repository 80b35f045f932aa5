import { readFile } from 'node:fs/promises';
import { type CliCommand, type CliIo, parseOptions } from 'src/cli/command.js';
import { parseDateLine } from 'src/thai/be-date.js';
import { parseLetter } from 'src/thai/letter-parser.js';
import { formatLetterSummary } from 'src/thai/letter-summary.js';
import { parseRefLine } from 'src/thai/reference-number.js';

/** Reads stdin line by line and writes one JSON line per non-empty input line. */
async function eachLine(io: CliIo, convert: (line: string) => unknown): Promise<number> {
  let buffer = '';
  const flush = (line: string) => {
    const input = line.replace(/\r$/, '');
    if (input.trim() !== '') io.stdout.write(`${JSON.stringify(convert(input))}\n`);
  };
  for await (const chunk of io.stdin) {
    buffer += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      flush(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
  }
  flush(buffer);
  return 0;
}

export const parseLetterCommand: CliCommand = {
  words: ['parse-letter'],
  usage: 'parse-letter FILE [--format json|text] [--digits thai|arabic]',
  description:
    'Parse the OCR text of a letter: JSON fields (default) or a readable summary with Buddhist-era dates.',
  async run(args, io) {
    const { options, rest } = parseOptions(args);
    const file = rest[0];
    const format = options.get('format') ?? 'json';
    if (!file || (format !== 'json' && format !== 'text')) {
      io.stderr.write('usage: parse-letter FILE [--format json|text]\n');
      return 2;
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.stderr.write(
        `saraban: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`,
      );
      return 2;
    }
    const parsed = parseLetter(text);
    if (format === 'text') {
      const digits = options.get('digits') === 'arabic' ? 'arabic' : 'thai';
      io.stdout.write(`${formatLetterSummary(parsed, { digits })}\n`);
    } else {
      io.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
    }
    return 0;
  },
};

export const parseDateCommand: CliCommand = {
  words: ['parse-date'],
  usage: 'parse-date < lines',
  description:
    'Read one date per line from stdin; write {"input","date","time"} or {"input","error"} per line.',
  run: (_args, io) => eachLine(io, (line) => parseDateLine(line)),
};

export const parseRefCommand: CliCommand = {
  words: ['parse-ref'],
  usage: 'parse-ref < lines',
  description:
    'Read one reference number (ที่) per line from stdin; write its parts or {"input","error"} per line.',
  run: (_args, io) => eachLine(io, (line) => parseRefLine(line)),
};
