import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** An append-only JSON-lines file (feedback, audit log); the folder is created on first write. */
export class JsonlFile {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  /** Appends one record as one line. Appends are serialized so lines never interleave. */
  append(record: object): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const run = this.queue.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, line, 'utf8');
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
