import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface JsonlFileOptions {
  /** Flush each line to disk before `append` resolves (the audit log: a recorded intent must survive a crash). */
  readonly durable?: boolean;
}

/** An append-only JSON-lines file (feedback, audit log); the folder is created on first write. */
export class JsonlFile {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly options: JsonlFileOptions = {},
  ) {}

  /** Appends one record as one line. Appends are serialized so lines never interleave. */
  append(record: object): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const run = this.queue.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      if (!this.options.durable) {
        await appendFile(this.path, line, 'utf8');
        return;
      }
      const file = await open(this.path, 'a');
      try {
        await file.appendFile(line, 'utf8');
        await file.datasync();
      } finally {
        await file.close();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Every record, oldest first; none when the file does not exist. A torn line (a crash mid-append) is skipped. */
  async records(): Promise<unknown[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return text.split('\n').flatMap((line) => {
      try {
        return line.trim() === '' ? [] : [JSON.parse(line) as unknown];
      } catch {
        return [];
      }
    });
  }
}
