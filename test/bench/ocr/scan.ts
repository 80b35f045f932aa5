import jpeg from 'jpeg-js';

/**
 * What an office scanner does to a printed page, in plain pixel operations on a grey image
 * (no image library): paper tone and faded ink, a skew of up to ±2°, optical blur, sensor
 * noise, dust specks, then JPEG compression. Deterministic for a given seed.
 */
export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white, row by row. */
  data: Uint8Array;
}

export interface ScanDefects {
  skewDegrees: number;
  blurSigma: number;
  noiseSigma: number;
  /** Grey level of the paper and of full-strength ink after scanning. */
  paper: number;
  ink: number;
  specks: number;
  jpegQuality: number;
}

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Defects drawn as an office scanner leaves them (skew up to ±2°, blur, noise, grey paper and
 * ink, specks, JPEG), in a fixed order from `random`, so a seed gives the same scan every time.
 */
export function officeScanDefects(random: () => number): ScanDefects {
  const between = (lo: number, hi: number): number => lo + random() * (hi - lo);
  return {
    skewDegrees: Number(between(-2, 2).toFixed(2)),
    blurSigma: Number(between(0.3, 1.1).toFixed(2)),
    noiseSigma: Number(between(4, 16).toFixed(1)),
    paper: Math.round(between(228, 250)),
    ink: Math.round(between(15, 60)),
    specks: Math.round(between(20, 250)),
    jpegQuality: Math.round(between(50, 85)),
  };
}

export function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Reads a binary PGM (P5, maxval 255) as pdftoppm -gray writes it. */
export function readPgm(file: Buffer): GreyImage {
  const header: string[] = [];
  let at = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(file[at]))) at++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(file[at]))) token += String.fromCharCode(file[at++]);
    header.push(token);
  }
  at++;
  const [magic, w, h, max] = header;
  if (magic !== 'P5' || max !== '255') throw new Error(`not an 8-bit PGM: ${header.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, data: new Uint8Array(file.subarray(at, at + width * height)) };
}

function rotate(img: GreyImage, degrees: number, fill: number): GreyImage {
  const { width, height, data } = img;
  const out = new Uint8Array(width * height);
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out[y * width + x] = fill;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i] * (1 - fx) + data[i + 1] * fx;
      const bottom = data[i + width] * (1 - fx) + data[i + width + 1] * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width, height, data: out };
}

function blur(img: GreyImage, sigma: number): GreyImage {
  if (sigma <= 0.05) return img;
  const radius = Math.ceil(sigma * 3);
  const kernel: number[] = [];
  let sum = 0;
  for (let k = -radius; k <= radius; k++) {
    const v = Math.exp(-(k * k) / (2 * sigma * sigma));
    kernel.push(v);
    sum += v;
  }
  const weights = kernel.map((v) => v / sum);
  const { width, height, data } = img;
  const pass = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let k = -radius; k <= radius; k++) {
        const xx = Math.min(width - 1, Math.max(0, x + k));
        acc += data[row + xx] * weights[k + radius];
      }
      pass[row + x] = acc;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let k = -radius; k <= radius; k++) {
        const yy = Math.min(height - 1, Math.max(0, y + k));
        acc += pass[yy * width + x] * weights[k + radius];
      }
      out[y * width + x] = acc;
    }
  }
  return { width, height, data: out };
}

/** The scanned page as JPEG bytes (grey content in a baseline JPEG). */
export function scanPage(page: GreyImage, defects: ScanDefects, seed: number): Buffer {
  const random = seededRandom(seed);
  const gaussian = (): number => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  let img = rotate(page, defects.skewDegrees, 255);
  img = blur(img, defects.blurSigma);
  const { width, height } = img;
  const tone = new Float32Array(width * height);
  const span = defects.paper - defects.ink;
  for (let i = 0; i < tone.length; i++) tone[i] = defects.ink + (img.data[i] / 255) * span;
  for (let s = 0; s < defects.specks; s++) {
    const cx = Math.floor(random() * width);
    const cy = Math.floor(random() * height);
    const r = 1 + random() * 2;
    for (let y = Math.floor(cy - r); y <= cy + r; y++) {
      for (let x = Math.floor(cx - r); x <= cx + r; x++) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) tone[y * width + x] = defects.ink + 30;
      }
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < tone.length; i++) {
    const v = Math.max(0, Math.min(255, Math.round(tone[i] + gaussian() * defects.noiseSigma)));
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return jpeg.encode({ data: rgba, width, height }, defects.jpegQuality).data;
}
