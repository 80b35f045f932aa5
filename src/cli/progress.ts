/**
 * A progress bar on stderr, hand-rolled: redrawn in place on a terminal, one line per
 * tenth otherwise (logs stay readable in CI).
 */
export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
  width = 30,
): { update(done: number, total: number): void; finish(): void } {
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total) {
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      if (stream.isTTY) {
        const filled = Math.round(ratio * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total}`,
        );
        drawn = true;
        return;
      }
      const tenth = Math.floor(ratio * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${label}: ${tenth * 10}% (${done}/${total})\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
