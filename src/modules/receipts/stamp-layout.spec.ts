import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  STAMP_HEIGHT,
  STAMP_LABELS,
  STAMP_MARGIN,
  STAMP_WIDTH,
  layoutStamps,
  stampBoxes,
  type PageSize,
  type Rect,
  type StampText,
  type TextMetrics,
} from 'src/modules/receipts/stamp-layout.js';

/** Half an em per character, bold 10% wider; wraps at spaces. Enough to test geometry. */
const metrics: TextMetrics = {
  width: (text, size, weight) => text.length * size * (weight === 'bold' ? 0.55 : 0.5),
  wrap(text, size, weight, maxWidth) {
    const lines: string[] = [];
    for (const word of text.split(' ')) {
      const last = lines.at(-1);
      if (last !== undefined && this.width(`${last} ${word}`, size, weight) <= maxWidth) {
        lines[lines.length - 1] = `${last} ${word}`;
      } else {
        lines.push(word);
      }
    }
    return lines;
  },
};

const PAGES: Record<string, PageSize> = {
  'A4 portrait': { width: 595.28, height: 841.89 },
  'A4 landscape': { width: 841.89, height: 595.28 },
  'US letter': { width: 612, height: 792 },
};

const stamp = (i: number): StampText => ({
  unitName: `หน่วย ${i}`,
  receiptNumber: String(100 + i),
  date: '๑๕ ม.ค. ๒๕๖๙',
  time: i % 2 === 0 ? '๑๐.๕๕ น.' : null,
});

const overlap = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x - 1e-9 &&
  inner.y >= outer.y - 1e-9 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-9 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-9;

describe('stampBoxes', () => {
  for (const [name, page] of Object.entries(PAGES)) {
    it(`places 1 to 8 stamps on ${name} without overlap, all inside the page`, () => {
      const pageRect = { x: 0, y: 0, ...page };
      for (let count = 1; count <= 8; count++) {
        const { boxes, scale } = stampBoxes(page, count);
        expect(boxes).toHaveLength(count);
        expect(scale).toBe(1);
        boxes.forEach((box, i) => {
          expect(inside(box, pageRect)).toBe(true);
          for (const other of boxes.slice(i + 1)) expect(overlap(box, other)).toBe(false);
        });
      }
    });
  }

  it('puts the first stamp in the top-right corner at the regulation size, the next below', () => {
    const page = PAGES['A4 portrait'];
    const [first, second] = stampBoxes(page, 2).boxes;
    expect(first.width).toBeCloseTo(141.73, 2); // 5 cm
    expect(first.height).toBeCloseTo(70.87, 2); // 2.5 cm
    expect(first.x + first.width).toBeCloseTo(page.width - STAMP_MARGIN, 6);
    expect(first.y + first.height).toBeCloseTo(page.height - STAMP_MARGIN, 6);
    expect(second.x).toBe(first.x);
    expect(second.y + second.height).toBeLessThan(first.y);
  });

  it('starts a new column to the left when the page runs out vertically', () => {
    const page = { width: 600, height: 260 }; // three rows fit
    const { boxes } = stampBoxes(page, 5);
    expect(new Set(boxes.slice(0, 3).map((b) => b.x)).size).toBe(1);
    expect(boxes[3].x).toBeLessThan(boxes[0].x - STAMP_WIDTH);
    expect(boxes[3].y).toBe(boxes[0].y);
  });

  it('shrinks every box alike on a page too small for the stamps, and refuses a hopeless one', () => {
    const { boxes, scale } = stampBoxes({ width: 300, height: 200 }, 6);
    expect(scale).toBeLessThan(1);
    for (const box of boxes) expect(box.width).toBeCloseTo(STAMP_WIDTH * scale, 9);
    expect(() => stampBoxes({ width: 50, height: 30 }, 3)).toThrow(RangeError);
    expect(() => stampBoxes({ width: 0, height: 800 }, 1)).toThrow(RangeError);
  });

  it('never overlaps and never leaves the page, whatever the page and count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 2400 }),
        fc.integer({ min: 100, max: 2400 }),
        fc.integer({ min: 0, max: 12 }),
        (width, height, count) => {
          let boxes: Rect[];
          try {
            ({ boxes } = stampBoxes({ width, height }, count));
          } catch (error) {
            expect(error).toBeInstanceOf(RangeError);
            return;
          }
          boxes.forEach((box, i) => {
            expect(inside(box, { x: 0, y: 0, width, height })).toBe(true);
            for (const other of boxes.slice(i + 1)) expect(overlap(box, other)).toBe(false);
          });
        },
      ),
    );
  });
});

describe('layoutStamps', () => {
  const page = PAGES['A4 portrait'];

  it('lays out the unit name centred and the เลขรับ / วันที่ / เวลา rows', () => {
    const [placement] = layoutStamps(page, [stamp(2)], metrics);
    const { box, texts, guides } = placement;
    expect(box.width).toBeCloseTo(STAMP_WIDTH, 6);
    expect(box.height).toBeCloseTo(STAMP_HEIGHT, 6);
    const name = texts.find((t) => t.role === 'unitName')!;
    const nameWidth = metrics.width(name.text, name.size, 'bold');
    expect(name.x - box.x).toBeCloseTo(box.x + box.width - (name.x + nameWidth), 6);
    expect(texts.filter((t) => t.role === 'label').map((t) => t.text)).toEqual([
      STAMP_LABELS.receiptNumber,
      STAMP_LABELS.date,
      STAMP_LABELS.time,
    ]);
    expect(texts.filter((t) => t.role === 'value').map((t) => t.text)).toEqual([
      '102',
      '๑๕ ม.ค. ๒๕๖๙',
      '๑๐.๕๕ น.',
    ]);
    expect(guides).toHaveLength(3);
    // Rows go down the box in order, below the name.
    const baselines = texts.map((t) => t.y);
    expect([...baselines].sort((a, b) => b - a)[0]).toBe(name.y);
  });

  it('leaves the เวลา row blank when the receipt has no time', () => {
    const [placement] = layoutStamps(page, [stamp(1)], metrics);
    expect(placement.texts.filter((t) => t.role === 'value')).toHaveLength(2);
    expect(placement.texts.filter((t) => t.role === 'label')).toHaveLength(3);
  });

  it('keeps every text inside its own box, long names included', () => {
    const stamps: StampText[] = [
      stamp(0),
      { ...stamp(1), unitName: 'กลุ่มงาน ยุทธศาสตร์และ ข้อมูลเพื่อการ พัฒนาจังหวัด' },
      {
        ...stamp(2),
        unitName:
          'สำนักงาน ส่งเสริม การปกครอง ท้องถิ่น จังหวัด ร้อยเอ็ด ฝ่าย บริหาร งาน ทั่วไป และ งาน สารบรรณ กลาง',
      },
      { ...stamp(3), date: '๑๕ มกราคม พ.ศ. ๒๕๖๙', receiptNumber: '๑๒๓๔๕/๒๕๖๙' },
    ];
    const placements = layoutStamps(page, stamps, metrics);
    for (const { box, texts } of placements) {
      for (const t of texts) {
        const rect = { x: t.x, y: t.y, width: metrics.width(t.text, t.size, t.weight), height: 0 };
        expect(inside(rect, box), `${t.text} leaves its box`).toBe(true);
      }
    }
    const names = (i: number): string[] =>
      placements[i].texts.filter((t) => t.role === 'unitName').map((t) => t.text);
    expect(names(1)).toHaveLength(2);
    expect(names(2)).toHaveLength(2);
    expect(names(2)[1]).toMatch(/…$/);
  });

  it('shrinks a value that is too long, and starts one that cannot fit at the line start', () => {
    const [placement] = layoutStamps(
      page,
      [{ ...stamp(0), date: '๑๕ มกราคม พุทธศักราช ๒๕๖๙ (วันพฤหัสบดี) เวลาราชการ' }],
      metrics,
    );
    const [receipt, date] = placement.texts.filter((t) => t.role === 'value');
    expect(date.size).toBeLessThan(receipt.size);
    // The renderer clips it at the border rather than let it run over the letter.
    expect(date.x).toBeCloseTo(placement.guides[1].x1, 9);
  });

  it('scales the text with the boxes on a small page', () => {
    const small = layoutStamps({ width: 300, height: 200 }, [0, 1, 2, 3, 4, 5].map(stamp), metrics);
    const full = layoutStamps(page, [stamp(0)], metrics);
    expect(small[0].texts[0].size).toBeLessThan(full[0].texts[0].size);
    for (const { box, texts } of small) {
      for (const t of texts) expect(t.y).toBeGreaterThan(box.y);
    }
  });
});
