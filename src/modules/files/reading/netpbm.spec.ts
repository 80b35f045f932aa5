import { describe, expect, it } from 'vitest';
import { ppmOf, ppmOfArea } from 'src/modules/files/reading/netpbm.js';

/** A width × height RGBA image whose pixel (x, y) is (x, y, x + y, 255). */
function gradient(width: number, height: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgba.set([x, y, x + y, 255], (y * width + x) * 4);
  }
  return rgba;
}

describe('ppmOf', () => {
  it('writes a P6 header and each pixel’s red, green and blue in order, alpha left out', () => {
    const ppm = ppmOf(gradient(3, 2), 3, 2);
    const header = 'P6\n3 2\n255\n';
    expect(ppm.subarray(0, header.length).toString('ascii')).toBe(header);
    expect([...ppm.subarray(header.length)]).toEqual([
      0, 0, 0, 1, 0, 1, 2, 0, 2, 0, 1, 1, 1, 1, 2, 2, 1, 3,
    ]);
  });

  it('refuses a buffer that is not width × height RGBA pixels', () => {
    expect(() => ppmOf(new Uint8ClampedArray(10), 3, 2)).toThrow(RangeError);
  });
});

describe('ppmOfArea', () => {
  it('takes the area’s rows out of the whole image', () => {
    const ppm = ppmOfArea(gradient(5, 4), 5, { x: 1, y: 2, width: 2, height: 2 });
    const header = 'P6\n2 2\n255\n';
    expect(ppm.subarray(0, header.length).toString('ascii')).toBe(header);
    expect([...ppm.subarray(header.length)]).toEqual([1, 2, 3, 2, 2, 4, 1, 3, 4, 2, 3, 5]);
  });

  it('refuses an area reaching outside the image', () => {
    const rgba = gradient(5, 4);
    expect(() => ppmOfArea(rgba, 5, { x: 4, y: 0, width: 2, height: 1 })).toThrow(RangeError);
    expect(() => ppmOfArea(rgba, 5, { x: 0, y: 3, width: 1, height: 2 })).toThrow(RangeError);
    expect(() => ppmOfArea(rgba, 5, { x: -1, y: 0, width: 1, height: 1 })).toThrow(RangeError);
  });
});
