import { PDFDocument } from 'pdf-lib';

import { renderStampedPdf, type StampInput } from 'src/modules/receipts/stamp-renderer.js';
import { embedSarabun } from 'src/pdf/fonts.js';
import { drawThaiText } from 'src/pdf/glyphs.js';

import type { BenchScenario } from '../scenario.js';

const PAGES = 20;
const ITERATIONS = 60;
const WARM_UP = 5;

/** The seed letter's chain of three receipt stamps. */
const STAMPS: StampInput[] = [
  { unitName: 'กรม', receiptNumber: '๒๖', date: '๑๕ ม.ค. ๒๕๖๙', time: null },
  {
    unitName: 'กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด',
    receiptNumber: '๘๙',
    date: '15 ม.ค. 2569',
    time: '10.55 น.',
  },
  {
    unitName: 'สำนักงานจังหวัดร้อยเอ็ด',
    receiptNumber: '๕๒๐',
    date: '๑๕ ม.ค. ๒๕๖๙',
    time: '๑๑.๓๐ น.',
  },
];

/** A 20-page letter typeset in Thai with an embedded font, as agencies send them. */
async function buildLetter(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await embedSarabun(doc, 'regular');
  for (let n = 1; n <= PAGES; n++) {
    const page = doc.addPage([595.28, 841.89]);
    drawThaiText(page, font, 'ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗', { x: 70, y: 760, size: 16 });
    for (let line = 0; line < 38; line++) {
      drawThaiText(
        page,
        font,
        `หน้า ${n} บรรทัด ${line + 1} ขอให้จังหวัดแจ้งหน่วยงาน อำเภอ และองค์กรปกครองส่วนท้องถิ่นทราบ`,
        { x: 70, y: 720 - line * 17, size: 15 },
      );
    }
  }
  return doc.save();
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Wall-clock and CPU milliseconds of one call. */
async function time(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Milliseconds to stamp a 20-page letter vs pdf-lib loading and saving the same file. */
export const stampPdfScenario: BenchScenario = {
  name: 'stamp-pdf',
  description: `${PAGES}-page Thai PDF, 3 receipt stamps: renderStampedPdf vs bare pdf-lib load+save (ms per file, median of ${ITERATIONS})`,
  async run(log) {
    const letter = await buildLetter();
    log(`  letter: ${PAGES} pages, ${(letter.length / 1024).toFixed(0)} KiB`);
    const stamp = (): Promise<Uint8Array> => renderStampedPdf(letter, STAMPS);
    const loadAndSave = async (): Promise<Uint8Array> => (await PDFDocument.load(letter)).save();

    // Warm-up also reads and parses the font once, as a long-running worker would.
    for (let i = 0; i < WARM_UP; i++) {
      await stamp();
      await loadAndSave();
    }
    // Interleaved, so drift in machine load hits both figures alike.
    const stamped: { wall: number; cpu: number }[] = [];
    const bare: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      stamped.push(await time(stamp));
      bare.push(await time(loadAndSave));
    }
    const sizes = [(await stamp()).length, (await loadAndSave()).length];
    log(
      `  output: stamped ${(sizes[0] / 1024).toFixed(0)} KiB, re-saved ${(sizes[1] / 1024).toFixed(0)} KiB`,
    );
    const wall = (runs: { wall: number }[]): number[] => runs.map((r) => r.wall);
    // CPU time leaves out the timer waits pdf-lib yields to, which a busy machine stretches.
    const cpu = (runs: { cpu: number }[]): number[] => runs.map((r) => r.cpu);
    log(
      `  fastest: stamped ${Math.min(...wall(stamped)).toFixed(1)} ms, load+save ${Math.min(...wall(bare)).toFixed(1)} ms; ` +
        `median CPU: ${median(cpu(stamped)).toFixed(1)} ms vs ${median(cpu(bare)).toFixed(1)} ms`,
    );
    return {
      measured: { value: median(wall(stamped)), unit: 'ms' },
      reference: { value: median(wall(bare)), unit: 'ms' },
    };
  },
};
