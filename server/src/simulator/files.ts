/** Reads pattern and map files for one simulator, each file once. */
export class FileStore {
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    private readonly baseDir: string | undefined,
    private readonly reader: ((path: string) => string | undefined) | undefined,
  ) {}

  /** The path HAProxy would open: absolute as written, relative from the base directory. */
  resolve(path: string): string {
    if (path.startsWith('/') || !this.baseDir) return path;
    return `${this.baseDir.replace(/\/+$/, '')}/${path}`;
  }

  read(path: string): string | undefined {
    const full = this.resolve(path);
    if (!this.cache.has(full)) {
      let text: string | undefined;
      try {
        text = this.reader?.(full);
      } catch {
        text = undefined;
      }
      this.cache.set(full, text);
    }
    return this.cache.get(full);
  }

  /** Lines of a pattern file: blank lines and `#` comments skipped, surrounding blanks removed. */
  patterns(path: string): string[] | undefined {
    const text = this.read(path);
    if (text === undefined) return undefined;
    return splitLines(text).filter((l) => l && !l.startsWith('#'));
  }

  /** Entries of a map file: the first word is the key, the rest of the line the value. */
  mapEntries(path: string): [string, string][] | undefined {
    const lines = this.patterns(path);
    if (!lines) return undefined;
    return lines.map((l) => {
      const m = /^(\S+)\s*(.*)$/.exec(l);
      return m ? [m[1], m[2].trim()] : [l, ''];
    });
  }
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim());
}
