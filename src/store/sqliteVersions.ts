import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Actor, ChangeEntry, ChangeIntent, ChangeStatus, DocumentVersion, NewVersion, VersionSource } from './CorpusStore.js';

/** sha256 of `bytes`, hex: how versions and the audit log identify content. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores content once per sha256 (hex); returns it. */
export function putBlob(db: Database, content: Uint8Array): string {
  const hash = sha256(content);
  db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes, content) VALUES (?, ?, ?)').run(hash, content.length, Buffer.from(content));
  return hash;
}

export function getBlob(db: Database, hash: string): Buffer | undefined {
  const row = db.prepare('SELECT content FROM blobs WHERE sha256 = ?').get(hash) as { content: Buffer } | undefined;
  return row?.content;
}

/** Columns shared by `versions` and `changes`: what, from where, by whom. */
interface Provenance {
  file: string;
  url: string | null;
  revision: string | null;
  actor_id: string;
  actor_name: string;
  guild: string | null;
  restores: number | null;
}

interface VersionRow extends Provenance {
  doc: string;
  version: number;
  action: DocumentVersion['action'];
  sha256: string;
  bytes: number;
  time: number;
  change_id: string | null;
}

interface ChangeRow extends Provenance {
  id: string;
  action: ChangeEntry['action'];
  doc: string;
  sha256: string;
  bytes: number;
  status: ChangeStatus;
  reason: string | null;
  began: number;
  settled: number | null;
  version: number | null;
}

const VERSION_COLUMNS =
  'v.doc, v.version, v.action, v.sha256, b.bytes, v.file, v.url, v.revision, v.actor_id, v.actor_name, v.guild, v.time, v.change_id, v.restores';
const VERSIONS = `SELECT ${VERSION_COLUMNS} FROM versions v JOIN blobs b ON b.sha256 = v.sha256`;

/** Stores the content and the document's next version (latest + 1, first 1); call inside a transaction. */
export function insertVersion(db: Database, v: NewVersion & { time: Date; change?: string }): DocumentVersion {
  const hash = putBlob(db, v.content);
  const { latest } = db.prepare('SELECT COALESCE(MAX(version), 0) AS latest FROM versions WHERE doc = ?').get(v.doc) as { latest: number };
  db.prepare(
    `INSERT INTO versions (doc, version, action, sha256, file, url, revision, actor_id, actor_name, guild, time, change_id, restores)
     VALUES (@doc, @version, @action, @sha256, @file, @url, @revision, @actor_id, @actor_name, @guild, @time, @change_id, @restores)`,
  ).run({ doc: v.doc, version: latest + 1, action: v.action, sha256: hash, ...provenance(v), time: v.time.getTime(), change_id: v.change ?? null });
  return findVersion(db, v.doc, latest + 1)!;
}

export function findVersion(db: Database, doc: string, version: number): DocumentVersion | undefined {
  const row = db.prepare(`${VERSIONS} WHERE v.doc = ? AND v.version = ?`).get(doc, version) as VersionRow | undefined;
  return row && versionOf(row);
}

/** Up to `limit` versions of `doc` numbered below `before`, newest first. */
export function versionsBefore(db: Database, doc: string, before: number, limit: number): DocumentVersion[] {
  const rows = db.prepare(`${VERSIONS} WHERE v.doc = ? AND v.version < ? ORDER BY v.version DESC LIMIT ?`).all(doc, before, limit) as VersionRow[];
  return rows.map(versionOf);
}

export function countVersions(db: Database, doc: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM versions WHERE doc = ?').get(doc) as { n: number }).n;
}

export function latestVersions(db: Database, includeRemoved: boolean): DocumentVersion[] {
  const rows = db
    .prepare(
      `${VERSIONS} JOIN (SELECT doc, MAX(version) AS latest FROM versions GROUP BY doc) m ON m.doc = v.doc AND m.latest = v.version
       ${includeRemoved ? '' : "WHERE v.action <> 'remove'"} ORDER BY v.doc`,
    )
    .all() as VersionRow[];
  return rows.map(versionOf);
}

/** Records a change's intent; `status` other than pending only for entries imported from audit.jsonl. */
export function insertChange(
  db: Database,
  c: Omit<ChangeIntent, 'content' | 'time'> & { sha256: string; bytes: number; began: Date; status: ChangeStatus; reason?: string; settled?: Date },
): void {
  db.prepare(
    `INSERT INTO changes (id, action, doc, file, url, revision, restores, sha256, bytes, actor_id, actor_name, guild, status, reason, began, settled)
     VALUES (@id, @action, @doc, @file, @url, @revision, @restores, @sha256, @bytes, @actor_id, @actor_name, @guild, @status, @reason, @began, @settled)`,
  ).run({
    id: c.id,
    action: c.action,
    doc: c.doc,
    ...provenance(c),
    sha256: c.sha256,
    bytes: c.bytes,
    status: c.status,
    reason: c.reason ?? null,
    began: c.began.getTime(),
    settled: c.settled?.getTime() ?? null,
  });
}

/** Sets a pending change's outcome; returns false when it was not pending. */
export function settleChange(db: Database, id: string, status: ChangeStatus, reason: string | null, settled: Date, version: number | null): boolean {
  const result = db
    .prepare("UPDATE changes SET status = ?, reason = ?, settled = ?, version = ? WHERE id = ? AND status = 'pending'")
    .run(status, reason, settled.getTime(), version, id);
  return result.changes === 1;
}

export function findChange(db: Database, id: string): ChangeEntry | undefined {
  const row = db.prepare('SELECT * FROM changes WHERE id = ?').get(id) as ChangeRow | undefined;
  return row && changeOf(row);
}

/** Changes matching `where` (SQL over the `changes` columns), in `order`. */
export function selectChanges(db: Database, where: string, order: string, params: unknown[]): ChangeEntry[] {
  return (db.prepare(`SELECT * FROM changes WHERE ${where} ORDER BY ${order}`).all(...params) as ChangeRow[]).map(changeOf);
}

function provenance(v: { source: VersionSource; actor: Actor; restores?: number }): Provenance {
  return {
    file: v.source.fileName,
    url: v.source.url ?? null,
    revision: v.source.revisionId ?? null,
    actor_id: v.actor.id,
    actor_name: v.actor.name,
    guild: v.actor.guild,
    restores: v.restores ?? null,
  };
}

function sourceOf(row: Provenance): VersionSource {
  return { fileName: row.file, ...(row.url === null ? {} : { url: row.url }), ...(row.revision === null ? {} : { revisionId: row.revision }) };
}

function actorOf(row: Provenance): Actor {
  return { id: row.actor_id, name: row.actor_name, guild: row.guild };
}

function versionOf(row: VersionRow): DocumentVersion {
  return {
    doc: row.doc,
    version: row.version,
    action: row.action,
    sha256: row.sha256,
    bytes: row.bytes,
    source: sourceOf(row),
    actor: actorOf(row),
    time: new Date(row.time),
    ...(row.change_id === null ? {} : { change: row.change_id }),
    ...(row.restores === null ? {} : { restores: row.restores }),
  };
}

function changeOf(row: ChangeRow): ChangeEntry {
  return {
    id: row.id,
    action: row.action,
    doc: row.doc,
    source: sourceOf(row),
    sha256: row.sha256,
    bytes: row.bytes,
    actor: actorOf(row),
    ...(row.restores === null ? {} : { restores: row.restores }),
    status: row.status,
    ...(row.reason === null ? {} : { reason: row.reason }),
    began: new Date(row.began),
    ...(row.settled === null ? {} : { settled: new Date(row.settled) }),
    ...(row.version === null ? {} : { version: row.version }),
  };
}
