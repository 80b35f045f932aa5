import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The reference reader: Debian's `tesseract` command (tha+eng) on each page rendered at
 * 300 dpi by pdftoppm. Installed through apt when missing; absent, the reference is skipped.
 */
const run = promisify(execFile);

async function installed(): Promise<boolean> {
  try {
    const { stdout } = await run('tesseract', ['--list-langs']);
    return stdout.split('\n').includes('tha');
  } catch {
    return false;
  }
}

/** Null when ready, else why the reference cannot run. */
export async function ensureTesseractCli(log: (line: string) => void): Promise<string | null> {
  if (await installed()) return null;
  if (process.getuid?.() !== 0) return 'tesseract (tha) is not installed and apt needs root';
  const install = () =>
    run(
      'apt-get',
      ['install', '-y', '--no-install-recommends', 'tesseract-ocr', 'tesseract-ocr-tha'],
      {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  log('  installing tesseract-ocr tesseract-ocr-tha (apt) for the reference');
  try {
    await install();
  } catch {
    try {
      await run('apt-get', ['update'], { maxBuffer: 16 * 1024 * 1024 });
      await install();
    } catch (error) {
      return `apt-get install tesseract-ocr-tha failed: ${(error as Error).message.split('\n')[0]}`;
    }
  }
  return (await installed()) ? null : 'tesseract installed but without the tha language';
}

/** Text of every page of a PDF, read by the tesseract command, pages joined by line feeds. */
export async function readWithTesseractCli(pdf: Buffer): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'ocr-cli-'));
  try {
    writeFileSync(join(work, 'in.pdf'), pdf);
    await run('pdftoppm', ['-gray', '-r', '300', join(work, 'in.pdf'), join(work, 'p')]);
    const images = readdirSync(work)
      .filter((f) => f.endsWith('.pgm'))
      .sort();
    const pages: string[] = [];
    for (const image of images) {
      const { stdout } = await run(
        'tesseract',
        [join(work, image), 'stdout', '-l', 'tha+eng', '-c', 'preserve_interword_spaces=1'],
        // One thread per engine, as the project's engines run: the bench runs two at once.
        { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 16 * 1024 * 1024 },
      );
      pages.push(stdout);
    }
    return pages;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
