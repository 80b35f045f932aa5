import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);

/** A page: Thai and English, for the Latin words (e-mail addresses, SMS) letters carry. */
const PAGE_LANGUAGES = ['tha', 'eng'] as const;
/**
 * A line read again where Thai must stand (a reference number's ที่ and letter code): Thai
 * alone, so a short Thai word cannot come out as Latin letters (กค as NA, ที่ as #).
 */
const LINE_LANGUAGES = ['tha'] as const;

/**
 * A folder holding the trained data of both languages, linked from their npm packages (each
 * language is its own package, a langPath names one folder): the engine reads them from
 * disk, and nothing is fetched at run time.
 */
function languageFolder(folder: string): string {
  mkdirSync(folder, { recursive: true });
  for (const language of PAGE_LANGUAGES) {
    const file = `${language}.traineddata.gz`;
    const root = dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
    // The integer "best" models: more accurate than 4.0.0 on Thai marks, still fast.
    const target = join(root, '4.0.0_best_int', file);
    const link = join(folder, file);
    if (!existsSync(link)) symlinkSync(target, link);
  }
  return folder;
}

export interface OcrSymbol {
  text: string;
  /** 0–1. */
  confidence: number;
  /** Pixels of the image recognised, where the engine placed it (approximate). */
  box?: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrWord {
  text: string;
  /** 0–1. */
  confidence: number;
  /** Pixels of the image recognised, origin top left. */
  box: { x0: number; y0: number; x1: number; y1: number };
  symbols: OcrSymbol[];
}

export interface OcrLine {
  /** As the engine printed it (spaces included). */
  text: string;
  /** 0–1. */
  confidence: number;
  /** Pixels of the image recognised, origin top left. */
  box: { x0: number; y0: number; x1: number; y1: number };
  /** The line's symbols in order (those of `words`, flattened). */
  symbols: OcrSymbol[];
  words: OcrWord[];
}

export class OcrTimeoutError extends Error {
  constructor(ms: number) {
    super(`OCR took longer than ${ms} ms`);
  }
}

export interface OcrPoolOptions {
  /** Engines running at once; default the machine's cores. */
  size?: number;
  /** One image's recognition is abandoned (its engine ended) after this long. */
  timeoutMs?: number;
  /** Engines for single lines of Thai (`recognizeLine`) instead of pages of Thai and English. */
  singleLine?: boolean;
}

/**
 * Tesseract engines (Thai and English models from npm, offline) shared by every reading in
 * the process: at most `size` at once, started on first need, one image each at a time.
 */
export class OcrPool {
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private starting = 0;
  private busy = 0;
  private closed = false;
  private readonly cachePath = join(tmpdir(), `saraban-ocr-${process.pid}`);
  private readonly singleLine: boolean;
  /** The Thai line engines, started on the first line read again. */
  private linePool: OcrPool | null = null;

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.singleLine = options.singleLine ?? false;
  }

  /**
   * One line of Thai in an encoded image (PPM, PNG …) cropped from a page: read as a single line
   * with the Thai model alone, by engines of their own (as many as the page engines).
   */
  async recognizeLine(image: Buffer): Promise<OcrLine[]> {
    if (this.closed) throw new Error('OCR pool closed');
    this.linePool ??= new OcrPool({ size: this.size, timeoutMs: this.timeoutMs, singleLine: true });
    return this.linePool.recognize(image);
  }

  /** Lines of text in one encoded image (PPM, PNG …), in reading order. */
  async recognize(image: Buffer): Promise<OcrLine[]> {
    const worker = await this.acquire();
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        worker.recognize(image, {}, { blocks: true, text: false }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new OcrTimeoutError(this.timeoutMs)), this.timeoutMs);
        }),
      ]);
      this.release(worker);
      const lines: OcrLine[] = [];
      for (const block of result.data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            const words = line.words.map((word) => ({
              text: word.text,
              confidence: word.confidence / 100,
              box: word.bbox,
              symbols: word.symbols.map((symbol) => ({
                text: symbol.text,
                confidence: symbol.confidence / 100,
                box: symbol.bbox,
              })),
            }));
            lines.push({
              text: line.text.replace(/\s+$/, ''),
              confidence: line.confidence / 100,
              box: line.bbox,
              symbols: words.flatMap((word) => word.symbols),
              words,
            });
          }
        }
      }
      return lines;
    } catch (error) {
      // An engine that timed out or failed may be mid-recognition: end it, start afresh.
      this.busy--;
      await worker.terminate().catch(() => undefined);
      this.wakeWaiting();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.idle.splice(0);
    await Promise.all([
      ...workers.map((worker) => worker.terminate().catch(() => undefined)),
      this.linePool?.close(),
    ]);
  }

  private async acquire(): Promise<Worker> {
    if (this.closed) throw new Error('OCR pool closed');
    const idle = this.idle.pop();
    if (idle) {
      this.busy++;
      return idle;
    }
    if (this.busy + this.starting < this.size) {
      this.starting++;
      try {
        const worker = await this.start();
        this.busy++;
        return worker;
      } finally {
        this.starting--;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) {
      next(worker);
      return;
    }
    this.busy--;
    if (this.closed) void worker.terminate().catch(() => undefined);
    else this.idle.push(worker);
  }

  /** A slot freed by an ended engine: a waiting caller gets a new one. */
  private wakeWaiting(): void {
    const next = this.waiting.shift();
    if (!next) return;
    this.starting++;
    this.start()
      .then((worker) => {
        this.busy++;
        next(worker);
      })
      .catch(() => this.waiting.unshift(next))
      .finally(() => this.starting--);
  }

  private async start(): Promise<Worker> {
    const languages = this.singleLine ? LINE_LANGUAGES : PAGE_LANGUAGES;
    const worker = await createWorker([...languages], OEM.LSTM_ONLY, {
      langPath: languageFolder(join(this.cachePath, 'languages')),
      // No cache: the models are read from node_modules on every start, never written.
      cachePath: this.cachePath,
      cacheMethod: 'none',
      gzip: true,
    });
    await worker.setParameters({
      preserve_interword_spaces: '1',
      ...(this.singleLine ? { tessedit_pageseg_mode: PSM.SINGLE_LINE } : {}),
    });
    return worker;
  }
}
