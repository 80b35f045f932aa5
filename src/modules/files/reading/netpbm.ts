/**
 * An RGBA pixel buffer (a canvas's `getImageData`) as a binary PPM (P6): what the engine is
 * given instead of a PNG. The engine reads the pixels the same either way; a PNG of a
 * 300 dpi page costs about 1.4 CPU seconds to compress on the event loop, this a copy.
 * Alpha is left out: pages and crops are drawn on white, every pixel opaque.
 */
export function ppmOf(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  }
  const header = Buffer.from(`P6\n${width} ${height}\n255\n`, 'ascii');
  const out = Buffer.allocUnsafe(header.length + width * height * 3);
  header.copy(out, 0);
  let o = header.length;
  for (let i = 0; i < rgba.length; i += 4) {
    out[o++] = rgba[i] ?? 0;
    out[o++] = rgba[i + 1] ?? 0;
    out[o++] = rgba[i + 2] ?? 0;
  }
  return out;
}

/**
 * The pixels of `area` (whole pixels inside the image) of an RGBA buffer `width` wide, as a
 * PPM: a crop without drawing it on a canvas of its own.
 */
export function ppmOfArea(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  area: { x: number; y: number; width: number; height: number },
): Buffer {
  const height = rgba.length / (width * 4);
  if (area.x < 0 || area.y < 0 || area.x + area.width > width || area.y + area.height > height) {
    throw new RangeError(`area ${JSON.stringify(area)} outside a ${width}×${height} image`);
  }
  const rows = new Uint8Array(area.width * area.height * 4);
  for (let row = 0; row < area.height; row++) {
    const from = ((area.y + row) * width + area.x) * 4;
    rows.set(rgba.subarray(from, from + area.width * 4), row * area.width * 4);
  }
  return ppmOf(rows, area.width, area.height);
}
