import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Content-addressed blob storage: a blob's name is its sha256, so an original can never
 * be modified in place, and the same bytes are stored once.
 */
export abstract class BlobStorage {
  /** Stores the bytes (if not already there) and returns their sha256. */
  abstract put(bytes: Uint8Array): Promise<string>;
  abstract has(sha256: string): Promise<boolean>;
  abstract open(sha256: string): Readable;
  abstract size(sha256: string): Promise<number>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class LocalDiskBlobStorage extends BlobStorage {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = sha256Hex(bytes);
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return sha256;
    await mkdir(join(target, '..'), { recursive: true });
    // Write aside, then rename: a reader never sees a half-written blob.
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes, { flag: 'wx', mode: 0o440 });
    await rename(temporary, target);
    return sha256;
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async size(sha256: string): Promise<number> {
    return (await stat(this.pathOf(sha256))).size;
  }
}
