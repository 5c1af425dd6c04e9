import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Uploaded files, kept under the data directory and named by their SHA-256: the same content is stored
 * once, a file is never overwritten with other bytes, and a write that outlives a rolled-back
 * transaction leaves only an unreferenced copy behind (nothing points to a half-written row).
 */
export class FileStore {
  constructor(private readonly root: string) {}

  /** Writes the bytes (atomically: temp file, then rename) and returns where they are and their checksum. */
  async save(orgId: string, bytes: Buffer): Promise<{ storagePath: string; sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storagePath = path.posix.join(orgId, sha256.slice(0, 2), sha256);
    const target = this.absolute(storagePath);
    if (!fs.existsSync(target)) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(8).toString('hex')}.tmp`;
      await fs.promises.writeFile(temp, bytes, { flag: 'wx' });
      // Two uploads of the same bytes may race here: either rename leaves the same content in place.
      await fs.promises.rename(temp, target);
    }
    return { storagePath, sha256, size: bytes.length };
  }

  /** A stream of a stored file, or null when it is missing on disk. */
  open(storagePath: string): fs.ReadStream | null {
    const file = this.absolute(storagePath);
    return fs.existsSync(file) ? fs.createReadStream(file) : null;
  }

  private absolute(storagePath: string): string {
    const file = path.resolve(this.root, storagePath);
    // Paths come from our own rows, but a stored path must never point outside the store.
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error('file path outside the store');
    return file;
  }
}
