import { readFile } from 'node:fs/promises';
import { type CliCommand, type CliIo, parseOptions } from 'src/cli/command.js';
import { hasPdfMagic } from 'src/modules/files/pdf-inspection.js';
import { OcrPool } from 'src/modules/files/reading/ocr-pool.js';
import { PdfReadError, type PdfReading, readPdf } from 'src/modules/files/reading/pdf-reader.js';
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
    const bytes = await readInput(file, io);
    if (!bytes) return 2;
    // A PDF is read the way the reading job reads it (text layer or OCR), then parsed.
    let text = bytes.toString('utf8');
    if (hasPdfMagic(bytes)) {
      const reading = await readPdfReporting(file, bytes, io);
      if (!reading) return 1;
      text = reading.pages.map((page) => page.text).join('\n');
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

/** The file named on the command line, or undefined after saying on stderr why not. */
async function readInput(file: string, io: CliIo): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    io.stderr.write(
      `saraban: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`,
    );
    return undefined;
  }
}

/** Reads a PDF with progress on stderr; null (after saying why) when it cannot be read. */
async function readPdfReporting(
  file: string,
  bytes: Uint8Array,
  io: CliIo,
): Promise<PdfReading | null> {
  const ocr = new OcrPool();
  try {
    return await readPdf(bytes, {
      ocr,
      onPage: (page, pageCount) => {
        const method = page.method === 'ocr' ? 'OCR' : 'text layer';
        const warnings = page.warnings.length > 0 ? ` [${page.warnings.join(', ')}]` : '';
        io.stderr.write(
          `page ${page.pageNumber}/${pageCount}: ${method}, confidence ${page.confidence}${warnings}\n`,
        );
      },
    });
  } catch (error) {
    if (!(error instanceof PdfReadError)) throw error;
    io.stderr.write(`saraban: cannot read ${file}: ${error.reason} (${error.message})\n`);
    return null;
  } finally {
    await ocr.close();
  }
}

export const readPdfCommand: CliCommand = {
  words: ['read-pdf'],
  usage: 'read-pdf FILE.pdf [--format text|json]',
  description:
    "Print a PDF's text, page by page (text layer, or offline OCR for scans); progress on stderr. json: pages with lines, confidences and positions.",
  async run(args, io) {
    const { options, rest } = parseOptions(args);
    const file = rest[0];
    const format = options.get('format') ?? 'text';
    if (!file || (format !== 'json' && format !== 'text')) {
      io.stderr.write('usage: read-pdf FILE.pdf [--format text|json]\n');
      return 2;
    }
    const bytes = await readInput(file, io);
    if (!bytes) return 2;
    if (!hasPdfMagic(bytes)) {
      io.stderr.write(`saraban: ${file} is not a PDF\n`);
      return 2;
    }
    const reading = await readPdfReporting(file, bytes, io);
    if (!reading) return 1;
    if (format === 'json') io.stdout.write(`${JSON.stringify(reading, null, 2)}\n`);
    // Pages apart by a form feed, as pdftotext does.
    else io.stdout.write(`${reading.pages.map((page) => page.text).join('\n\f')}\n`);
    return 0;
  },
};
