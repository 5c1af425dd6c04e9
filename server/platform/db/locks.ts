/**
 * Named locks inside one process. With PGlite one process owns the database (the data directory lock),
 * so this is all the job and migration locking it needs.
 */
export class InProcessLocks {
  private readonly held = new Map<string, Promise<void>>();

  async tryWith<T>(
    name: string,
    fn: () => Promise<T>,
  ): Promise<{ acquired: true; value: T } | { acquired: false }> {
    if (this.held.has(name)) return { acquired: false };
    let done!: () => void;
    this.held.set(name, new Promise<void>((r) => (done = r)));
    try {
      return { acquired: true, value: await fn() };
    } finally {
      this.held.delete(name);
      done();
    }
  }

  async with<T>(name: string, fn: () => Promise<T>): Promise<T> {
    for (;;) {
      const r = await this.tryWith(name, fn);
      if (r.acquired) return r.value;
      await this.held.get(name);
    }
  }
}
