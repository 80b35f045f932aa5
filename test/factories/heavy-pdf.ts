/**
 * A valid one-page PDF whose page carries `numbers` numbers in ten arrays, written directly
 * (pdf-lib would take seconds to build it). pdf-lib reads and re-saves it for seconds of
 * CPU, as it does a large scanned letter; with so few objects it never yields to the event
 * loop meanwhile (it yields only between batches of objects). The page shows
 * `label page 1` in Helvetica, for pdftotext.
 */
export function heavyPdf(numbers: number, label = 'heavy letter'): Buffer {
  const parts: string[] = [];
  const offsets: number[] = [];
  let length = 0;
  const write = (text: string) => {
    parts.push(text);
    length += Buffer.byteLength(text, 'latin1');
  };
  const object = (n: number, body: string) => {
    offsets[n] = length;
    write(`${n} 0 obj\n${body}\nendobj\n`);
  };
  const arrays = 10;
  const first = 6;
  const content = `BT /F1 14 Tf 50 700 Td (${label} page 1) Tj ET`;
  write('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  const refs = Array.from({ length: arrays }, (_, i) => `${first + i} 0 R`).join(' ');
  // Reachable from the page, as a scanner's private page-piece data would be.
  object(
    3,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ' +
      `/Resources << /Font << /F1 5 0 R >> >> /PieceInfo << /Scanner << /Private [${refs}] >> >> >>`,
  );
  object(4, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  object(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const perArray = Math.ceil(numbers / arrays);
  for (let a = 0; a < arrays; a++) {
    const values = Array.from({ length: perArray }, (_, i) => (a * perArray + i) % 1000);
    object(first + a, `[${values.join(' ')}]`);
  }
  const size = first + arrays;
  const xref = length;
  write(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let n = 1; n < size; n++) write(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  write(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}
