import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { JsonlFile } from './JsonlFile.js';
import { writeFileDurably } from './placeFile.js';

/** Who made a change, and from which server, for the audit log. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  /** The server the command came from. */
  readonly guild: string;
}

/** One corpus change as the audit log records it. */
export interface ChangeRecord {
  /** Random id tying the change's lines together. */
  readonly change: string;
  readonly action: 'add' | 'remove';
  readonly doc: string;
  readonly file: string;
  /** sha256 (hex) of the file's bytes: added, or removed. */
  readonly sha256: string;
  readonly bytes: number;
  readonly actor: Actor;
}

/**
 * `pending`: begun, not settled. `done`: live and recorded. `failed`: undone at once (the rebuild or a
 * write failed). `rolled_back`: undone at start-up (the bot stopped before the change finished).
 */
export type ChangeStatus = 'pending' | 'done' | 'failed' | 'rolled_back';

/**
 * The record of corpus changes in DATA_DIR, written so a change and its record are one unit: the
 * intent (`pending`, flushed to disk) before anything changes, the outcome after. A change whose
 * last line is `pending` was interrupted; start-up recovery rolls it back. A file about to be
 * removed is first copied to `corpus-pending/`, so an interrupted removal can be undone.
 */
export class ChangeJournal {
  private readonly log: JsonlFile;
  private readonly stagingDir: string;

  constructor(dataDir: string) {
    this.log = new JsonlFile(join(dataDir, 'audit.jsonl'), { durable: true });
    this.stagingDir = join(dataDir, 'corpus-pending');
  }

  get auditPath(): string {
    return this.log.path;
  }

  /** Records the intent before anything changes; throws `audit_unwritable` (nothing changed) when it cannot. */
  async begin(record: ChangeRecord): Promise<void> {
    try {
      await this.write(record, 'pending');
    } catch (err) {
      throw auditUnwritable(err, 'so nothing was changed');
    }
  }

  /** Records how a change ended. */
  settle(record: ChangeRecord, status: Exclude<ChangeStatus, 'pending'>, reason?: string): Promise<void> {
    return this.write(record, status, reason);
  }

  /** Keeps a copy of a file about to be removed, flushed to disk, until the change is settled. */
  async stage(record: ChangeRecord, bytes: Uint8Array): Promise<void> {
    await mkdir(this.stagingDir, { recursive: true });
    await writeFileDurably(this.stagedPath(record), bytes);
  }

  /** The staged copy of a removed file, or null when there is none. */
  async staged(record: ChangeRecord): Promise<Buffer | null> {
    return readFile(this.stagedPath(record)).catch(() => null);
  }

  async discardStaged(record: ChangeRecord): Promise<void> {
    await rm(this.stagedPath(record), { force: true });
  }

  /** Removes every staged copy: called once no change is pending. */
  async discardAllStaged(): Promise<void> {
    await rm(this.stagingDir, { recursive: true, force: true });
  }

  /** Changes whose last line is `pending`, oldest first: begun and never settled. */
  async pending(): Promise<ChangeRecord[]> {
    const last = new Map<string, ChangeRecord & { status: ChangeStatus }>();
    for (const line of (await this.log.records()) as Partial<ChangeRecord & { status: ChangeStatus }>[]) {
      // Lines from before the journal carry no change id and no status.
      if (typeof line.change === 'string' && line.status !== undefined) last.set(line.change, line as ChangeRecord & { status: ChangeStatus });
    }
    return [...last.values()].filter((l) => l.status === 'pending').map(recordOf);
  }

  private write(record: ChangeRecord, status: ChangeStatus, reason?: string): Promise<void> {
    return this.log.append({ time: new Date().toISOString(), status, ...record, ...(reason === undefined ? {} : { reason }) });
  }

  private stagedPath(record: ChangeRecord): string {
    return join(this.stagingDir, `${record.change}-${record.file}`);
  }
}

/** The audit log could not be written; `consequence` says what that meant for the change. */
export function auditUnwritable(err: unknown, consequence: string): UserError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  return new UserError(
    'audit_unwritable',
    `corpus: the audit log (DATA_DIR/audit.jsonl) cannot be written (${code}), ${consequence}; ask the bot’s operator to check the disk and the file’s permissions`,
  );
}

/** sha256 of `bytes`, hex: how the log identifies a file's content. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The change itself, without the log's time, status and reason. */
function recordOf({ change, action, doc, file, sha256, bytes, actor }: ChangeRecord): ChangeRecord {
  return { change, action, doc, file, sha256, bytes, actor };
}
