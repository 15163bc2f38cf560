/**
 * The bot's records — document versions, the audit log of corpus changes, 👍/👎 feedback and
 * declined questions — behind one interface, so a server database can replace the embedded
 * SQLite store (`SqliteStore`) without touching its callers. Every method is asynchronous for
 * that reason; times are `Date`s (stored to the millisecond).
 */
export interface CorpusStore {
  /**
   * Records a change's intent as `pending`, committed (flushed to disk) before this resolves, and
   * stores its content so the change can be undone and its version recorded later. Nothing is
   * changed in the corpus yet; if this throws (`store_unwritable`), the change must not be made.
   * Throws when a change with the same id was already begun.
   */
  beginChange(intent: ChangeIntent): Promise<ChangeEntry>;

  /**
   * Settles a pending change. `done` records the document's next version and the outcome in one
   * transaction: both are committed, or (when this throws) neither, and the change stays
   * `pending`. `failed` and `rolled_back` record the outcome and a reason, and no version.
   * Throws when the change is unknown or already settled.
   */
  completeChange(id: string, outcome: ChangeOutcome, time?: Date): Promise<ChangeEntry>;

  /** Changes begun and never settled, oldest first: what start-up recovery rolls back. */
  pendingChanges(): Promise<ChangeEntry[]>;

  /** The audit log, one entry per change, newest first (by time begun); `limit` default 20, at most 100. */
  auditLog(page?: { readonly limit?: number; readonly offset?: number; readonly doc?: string }): Promise<ChangeEntry[]>;

  /**
   * Records a version outside a change: a document already in the corpus when the store started
   * keeping versions (`baseline`). Its number is one more than the document's latest (first: 1).
   */
  recordVersion(version: NewVersion): Promise<DocumentVersion>;

  /**
   * A document's versions, newest first (highest number first). `limit` default 10, at most 100;
   * `before`: only versions numbered below it (pass the previous page's `next`).
   */
  history(doc: string, page?: { readonly limit?: number; readonly before?: number }): Promise<HistoryPage>;

  /** One version of a document, without its bytes; undefined when there is none. */
  version(doc: string, version: number): Promise<DocumentVersion | undefined>;

  /** The bytes of a version (for a removal: the bytes removed); undefined when there is none. */
  versionBytes(doc: string, version: number): Promise<Buffer | undefined>;

  /** Stored content by sha256 (hex, lower case); undefined when none is stored. */
  content(sha256: string): Promise<Buffer | undefined>;

  /**
   * The latest version of each document, ordered by document id. Documents whose latest version
   * is a removal are left out unless `includeRemoved`.
   */
  latestVersions(options?: { readonly includeRemoved?: boolean }): Promise<DocumentVersion[]>;

  /**
   * Records a 👍/👎 with the passages shown. One vote per user per answer: a vote replaces the
   * user's earlier vote on the answer (and its passages) unless that one is newer. Returns
   * whether this vote is now the one recorded.
   */
  recordVote(vote: FeedbackVote): Promise<boolean>;

  /**
   * The passages most often voted 👎 in a server over the last `days` days before `now`
   * (default: the store's clock): grouped by document and text, most votes first, then most
   * recent; `limit` default 10. Votes recorded without a server count for no server.
   */
  downvotedPassages(query: WindowQuery): Promise<DownvotedPassage[]>;

  /** Records a question the bot declined to answer: its text, time and server, never the user. */
  recordGap(gap: NewGap): Promise<void>;

  /**
   * A server's most frequent declined questions over the last `days` days before `now`, grouped
   * when they differ only in case, punctuation and stop words (`gapKey`): most asked first, then
   * most recent; each shows its latest wording. `limit` default 10.
   */
  topGaps(query: WindowQuery): Promise<GapGroup[]>;

  /**
   * Deletes feedback and declined questions older than the retention period before `now`
   * (`GAPS_RETENTION_DAYS`). Versions and the audit log are kept. Returns how many were deleted.
   */
  prune(now: Date): Promise<PruneResult>;

  /** Closes the store; later calls fail. Safe to call twice. */
  close(): Promise<void>;
}

/** Who made a change, and from which server (null: recorded before servers were, or outside Discord). */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly guild: string | null;
}

/** `baseline`: a document already in the corpus when versions started being kept. */
export type VersionAction = 'baseline' | 'add' | 'update' | 'remove' | 'rollback';
export type ChangeAction = Exclude<VersionAction, 'baseline'>;

/**
 * `pending`: begun, not settled. `done`: live and recorded. `failed`: undone at once.
 * `rolled_back`: undone at start-up (the bot stopped before the change finished).
 */
export type ChangeStatus = 'pending' | 'done' | 'failed' | 'rolled_back';

export type ChangeOutcome = { readonly status: 'done' } | { readonly status: 'failed' | 'rolled_back'; readonly reason: string };

/** Where a version's bytes came from: always the corpus file name; for a web page also its URL and revision. */
export interface VersionSource {
  readonly fileName: string;
  readonly url?: string;
  /** The page's revision id (MediaWiki `revid`), as text. */
  readonly revisionId?: string;
}

export interface ChangeIntent {
  /** Unique id of the change (the journal's random hex id). */
  readonly id: string;
  readonly action: ChangeAction;
  readonly doc: string;
  readonly source: VersionSource;
  /** The document's bytes after the change; for a removal, the bytes removed. */
  readonly content: Uint8Array;
  readonly actor: Actor;
  /** For a rollback: the version whose content is restored. */
  readonly restores?: number;
  /** Default: the store's clock. */
  readonly time?: Date;
}

/** One change as the audit log holds it: its intent and, once settled, its outcome. */
export interface ChangeEntry {
  readonly id: string;
  readonly action: ChangeAction;
  readonly doc: string;
  readonly source: VersionSource;
  /** sha256 (hex) of the content; its bytes are stored unless the entry was imported from audit.jsonl. */
  readonly sha256: string;
  /** Size of the content in bytes. */
  readonly bytes: number;
  readonly actor: Actor;
  readonly restores?: number;
  readonly status: ChangeStatus;
  /** Why a change failed or was rolled back. */
  readonly reason?: string;
  readonly began: Date;
  readonly settled?: Date;
  /** The version a `done` change recorded (none for changes imported from audit.jsonl). */
  readonly version?: number;
}

export interface NewVersion {
  readonly doc: string;
  readonly action: VersionAction;
  readonly source: VersionSource;
  readonly content: Uint8Array;
  readonly actor: Actor;
  readonly restores?: number;
  /** Default: the store's clock. */
  readonly time?: Date;
}

/** One version of one document. Versions of a document are numbered 1, 2, 3… in the order recorded. */
export interface DocumentVersion {
  readonly doc: string;
  readonly version: number;
  readonly action: VersionAction;
  /** sha256 (hex) of the bytes; identical bytes are stored once, whatever document or version. */
  readonly sha256: string;
  /** Size in bytes. */
  readonly bytes: number;
  readonly source: VersionSource;
  readonly actor: Actor;
  readonly time: Date;
  /** The change that recorded it; absent for a baseline. */
  readonly change?: string;
  readonly restores?: number;
}

export interface HistoryPage {
  /** Newest first, at most `limit`. */
  readonly versions: DocumentVersion[];
  /** How many versions the document has in all. */
  readonly total: number;
  /** Pass as `before` for the next (older) page; absent on the last page. */
  readonly next?: number;
}

export type Vote = 'up' | 'down';

/** A passage as shown under an answer: its place in its document and its text. */
export interface ShownPassage {
  readonly doc: string;
  readonly section: string;
  /** Character offsets in the document, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly text: string;
}

export interface FeedbackVote {
  readonly answer: string;
  readonly user: string;
  readonly guild: string | null;
  readonly vote: Vote;
  readonly question: string;
  /** Every passage shown so far, in order. */
  readonly passages: readonly ShownPassage[];
  /** Default: the store's clock. */
  readonly time?: Date;
}

export interface WindowQuery {
  readonly guild: string;
  /** The window: `days` days (of 24 hours) up to `now`. */
  readonly days: number;
  readonly now?: Date;
  readonly limit?: number;
}

export interface DownvotedPassage {
  readonly doc: string;
  readonly section: string;
  readonly text: string;
  /** Offsets as last shown. */
  readonly start: number;
  readonly end: number;
  /** 👎 votes that showed it. */
  readonly count: number;
  readonly lastVoted: Date;
}

export interface NewGap {
  readonly question: string;
  /** The server it was asked in; null in a direct message (then it counts for no server). */
  readonly guild: string | null;
  /** Default: the store's clock. */
  readonly time?: Date;
}

export interface GapGroup {
  /** The grouping key: the question's content words, lower-cased, in order. */
  readonly key: string;
  /** The latest wording asked. */
  readonly question: string;
  readonly count: number;
  readonly lastAsked: Date;
}

export interface PruneResult {
  readonly feedback: number;
  readonly gaps: number;
}
