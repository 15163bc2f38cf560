import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AnswerStateStore } from './AnswerStateStore.js';
import type {
  ChangeEntry,
  ChangeIntent,
  ChangeOutcome,
  CorpusStore,
  DocumentVersion,
  DownvotedPassage,
  FeedbackVote,
  GapGroup,
  HistoryPage,
  NewGap,
  NewVersion,
  PruneResult,
  WindowQuery,
} from './CorpusStore.js';
import { importJsonlFiles, type JsonlImport } from './importJsonl.js';
import { migrate } from './migrations.js';
import { openDatabase, storeUnwritable } from './openDatabase.js';
import { selectAnswerState, upsertAnswerState } from './sqliteAnswerStates.js';
import { downvotedPassages, insertGap, pruneBefore, topGaps, upsertVote, windowOf } from './sqliteFeedback.js';
import {
  countVersions,
  findChange,
  findVersion,
  getBlob,
  insertChange,
  insertVersion,
  latestVersions,
  putBlob,
  selectChanges,
  settleChange,
  versionsBefore,
} from './sqliteVersions.js';

/** The database's file name in DATA_DIR. */
export const STORE_FILE = 'corpus.sqlite';

export interface SqliteStoreOptions {
  /** DATA_DIR: holds `corpus.sqlite` (created with the folder when missing) and the JSONL logs to import. */
  readonly dataDir: string;
  /** Days feedback and declined questions are kept (`GAPS_RETENTION_DAYS`). */
  readonly retentionDays: number;
  /** The time records get when none is given; default: the system clock. */
  readonly clock?: () => Date;
  /**
   * Import `audit.jsonl` and `feedback.jsonl` on opening (and rename them). Default true; false
   * while the bot still writes those logs itself and uses the store for its answers' states only.
   */
  readonly importLogs?: boolean;
}

/**
 * The store in one SQLite file, `DATA_DIR/corpus.sqlite`, through better-sqlite3: the corpus's
 * records and the answers' states for their buttons. Opening it
 * refuses a damaged file or a newer schema, applies missing migrations, then imports the old
 * `audit.jsonl` and `feedback.jsonl` once. Calls run one at a time on one connection; each
 * write is one transaction.
 */
export class SqliteStore implements CorpusStore, AnswerStateStore {
  private closed = false;

  private constructor(
    private readonly db: Database,
    private readonly options: SqliteStoreOptions,
    /** What the first open imported from JSONL files (empty on later opens), for the start-up log. */
    readonly imported: readonly JsonlImport[],
  ) {}

  static async open(options: SqliteStoreOptions): Promise<SqliteStore> {
    return SqliteStore.openNow(options);
  }

  /** `open` for a caller that cannot wait (the composition root): better-sqlite3 works synchronously anyway. */
  static openNow(options: SqliteStoreOptions): SqliteStore {
    mkdirSync(options.dataDir, { recursive: true });
    const db = openDatabase(join(options.dataDir, STORE_FILE));
    try {
      migrate(db);
      const imported = options.importLogs === false ? [] : importJsonlFiles(db, options.dataDir, (options.clock ?? now)());
      return new SqliteStore(db, options, imported);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  async beginChange(intent: ChangeIntent): Promise<ChangeEntry> {
    if (findChange(this.db, intent.id) !== undefined) throw new Error(`store: change "${intent.id}" was already begun`);
    const began = intent.time ?? this.now();
    this.write('so nothing was changed', () => {
      const hash = putBlob(this.db, intent.content);
      insertChange(this.db, { ...intent, sha256: hash, bytes: intent.content.length, status: 'pending', began });
    });
    return findChange(this.db, intent.id)!;
  }

  async completeChange(id: string, outcome: ChangeOutcome, time = this.now()): Promise<ChangeEntry> {
    const change = findChange(this.db, id);
    if (change === undefined) throw new Error(`store: no change "${id}"`);
    if (change.status !== 'pending') throw new Error(`store: change "${id}" is already settled (${change.status})`);
    if (outcome.status !== 'done') {
      this.write('so the outcome was not recorded', () => settleChange(this.db, id, outcome.status, outcome.reason, time, null));
      return findChange(this.db, id)!;
    }
    const content = getBlob(this.db, change.sha256);
    if (content === undefined) {
      throw new Error(`store: change "${id}" has no stored content (it came from audit.jsonl), so it can only be settled failed or rolled_back`);
    }
    this.write('so the outcome was not recorded', () => {
      const version = insertVersion(this.db, { ...change, content, time, change: id });
      settleChange(this.db, id, 'done', null, time, version.version);
    });
    return findChange(this.db, id)!;
  }

  async pendingChanges(): Promise<ChangeEntry[]> {
    return selectChanges(this.db, "status = 'pending'", 'began, rowid', []);
  }

  async auditLog(page: { limit?: number; offset?: number; doc?: string } = {}): Promise<ChangeEntry[]> {
    const where = page.doc === undefined ? '1' : 'doc = ?';
    const params = [...(page.doc === undefined ? [] : [page.doc]), pageLimit(page.limit, 20), Math.max(0, page.offset ?? 0)];
    return selectChanges(this.db, where, 'began DESC, rowid DESC LIMIT ? OFFSET ?', params);
  }

  async recordVersion(version: NewVersion): Promise<DocumentVersion> {
    return this.write('so the version was not recorded', () => insertVersion(this.db, { ...version, time: version.time ?? this.now() }));
  }

  async history(doc: string, page: { limit?: number; before?: number } = {}): Promise<HistoryPage> {
    const limit = pageLimit(page.limit, 10);
    const rows = versionsBefore(this.db, doc, page.before ?? Number.MAX_SAFE_INTEGER, limit + 1);
    const versions = rows.slice(0, limit);
    const next = rows.length > limit ? versions.at(-1)!.version : undefined;
    return { versions, total: countVersions(this.db, doc), ...(next === undefined ? {} : { next }) };
  }

  async version(doc: string, version: number): Promise<DocumentVersion | undefined> {
    return findVersion(this.db, doc, version);
  }

  async versionBytes(doc: string, version: number): Promise<Buffer | undefined> {
    const found = findVersion(this.db, doc, version);
    return found && getBlob(this.db, found.sha256);
  }

  async content(sha256: string): Promise<Buffer | undefined> {
    return getBlob(this.db, sha256);
  }

  async latestVersions(options: { includeRemoved?: boolean } = {}): Promise<DocumentVersion[]> {
    return latestVersions(this.db, options.includeRemoved ?? false);
  }

  async recordVote(vote: FeedbackVote): Promise<boolean> {
    return this.write('so the vote was not recorded', () => upsertVote(this.db, { ...vote, time: vote.time ?? this.now() }));
  }

  async downvotedPassages(query: WindowQuery): Promise<DownvotedPassage[]> {
    return downvotedPassages(this.db, query.guild, windowOf(query.now ?? this.now(), query.days), pageLimit(query.limit, 10));
  }

  async recordGap(gap: NewGap): Promise<void> {
    this.write('so the question was not recorded', () => insertGap(this.db, { ...gap, time: gap.time ?? this.now() }));
  }

  async topGaps(query: WindowQuery): Promise<GapGroup[]> {
    return topGaps(this.db, query.guild, windowOf(query.now ?? this.now(), query.days), pageLimit(query.limit, 10));
  }

  async prune(at: Date): Promise<PruneResult> {
    return this.write('so nothing was pruned', () => pruneBefore(this.db, windowOf(at, this.options.retentionDays).since));
  }

  async saveAnswerState(id: string, state: string, expires: Date, at = this.now()): Promise<void> {
    this.write('so the answer’s buttons will not work after a restart', () => upsertAnswerState(this.db, id, state, expires, at));
  }

  async answerState(id: string, at = this.now()): Promise<string | undefined> {
    return selectAnswerState(this.db, id, at);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private now(): Date {
    return (this.options.clock ?? now)();
  }

  /** Runs `work` in one transaction; a refused write becomes `store_unwritable` saying what it meant. */
  private write<T>(consequence: string, work: () => T): T {
    try {
      return this.db.transaction(work)();
    } catch (err) {
      if (WRITE_REFUSED.test((err as { code?: string }).code ?? '')) throw storeUnwritable(err, consequence);
      throw err;
    }
  }
}

/** SQLite result codes that mean the disk or the file refused the write, not that the write was wrong. */
const WRITE_REFUSED = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|PERM|BUSY|LOCKED|NOMEM)/;

function now(): Date {
  return new Date();
}

/** A page size: `limit` when given (at least 1, at most 100), else `fallback`. */
function pageLimit(limit: number | undefined, fallback: number): number {
  return Math.min(100, Math.max(1, Math.floor(limit ?? fallback)));
}
