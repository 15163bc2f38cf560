import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { FAKE_GUILD_ID, FakeDiscord, callTo } from '../support/FakeDiscord.js';
import { CORPUS_FILE, corpusCommand, testMember } from '../support/startTestBot.js';

/** A document big enough that its rebuild takes a while: 40 sections of 60 distinct paragraphs. */
function bigDocument(): string {
  const sections = Array.from({ length: 40 }, (_, s) => {
    const paragraphs = Array.from({ length: 60 }, (_, p) => `Crashdoc fact ${s}-${p}: the archive of Quellmar lists ledger ${s * 60 + p} as sealed.[1]`);
    return `Section ${s}[edit]\n\n${paragraphs.join('\n\n')}`;
  });
  return `Crashdoc\n\n${sections.join('\n\n')}\n\n  1. ^ Quellmar archive, 1999\n`;
}

describe('kill -9 of the bot process during /corpus add, then a restart', () => {
  let fake: FakeDiscord;
  let dir: string;
  let bot: ChildProcess | undefined;
  const corpusDir = () => join(dir, 'corpus');
  const auditPath = () => join(dir, 'data', 'audit.jsonl');
  /** The audit log's complete lines (it may be read while the bot appends). */
  const auditLines = () =>
    existsSync(auditPath())
      ? readFileSync(auditPath(), 'utf8')
          .split('\n')
          .slice(0, -1)
          .map((l) => JSON.parse(l) as { status: string; action: string; doc: string })
      : [];

  /** Starts `npm start`'s entry as a child process and resolves once it has identified. */
  async function startBot(): Promise<ChildProcess> {
    const identified = fake.identifies.length;
    // node itself, not the tsx wrapper (which runs the bot in a child process that SIGKILL would not reach).
    const child = spawn(process.execPath, ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href, resolve('src/app/main.ts')], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        CORPUS_DIR: corpusDir(),
        DATA_DIR: join(dir, 'data'),
        EMBEDDER: 'hash',
        DISCORD_TOKEN: 'FAKE-BOT-TOKEN.crash-test',
        DISCORD_API_URL: fake.apiUrl,
        CORPUS_GUILD_IDS: FAKE_GUILD_ID,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    while (fake.identifies.length === identified) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the bot did not start');
      await new Promise((done) => setTimeout(done, 50));
    }
    return child;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-bot-crash-'));
    mkdirSync(corpusDir());
    copyFileSync(join('corpus', CORPUS_FILE), join(corpusDir(), CORPUS_FILE));
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    bot?.kill('SIGKILL');
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The document ids `/corpus list` shows: what the running bot's index holds. */
  async function indexedDocuments(): Promise<string[]> {
    const list = fake.dispatchInteraction(corpusCommand('list', testMember({ manageGuild: true })));
    const reply = await fake.waitForCall(callTo.callback(list), 5000);
    const [embed] = (reply.body as { data: { embeds: APIEmbed[] } }).data.embeds;
    return [...(embed?.description ?? '').matchAll(/\(`([^`]+)`\)/g)].map((m) => m[1]!).sort();
  }

  it('leaves the corpus folder, the index and the audit log in agreement', async () => {
    bot = await startBot();
    fake.addAttachment('crashdoc.txt', Buffer.from(bigDocument()), 'text/plain');
    fake.dispatchInteraction(corpusCommand('add', testMember({ manageGuild: true }), { file: fake.attachment('crashdoc.txt') }));
    // Kill as soon as the file is in the corpus folder: the rebuild of the big document is then under way.
    const deadline = Date.now() + 30_000;
    while (!existsSync(join(corpusDir(), 'crashdoc.txt')) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 5));
    expect(existsSync(join(corpusDir(), 'crashdoc.txt'))).toBe(true);
    const exited = new Promise((done) => bot!.once('exit', (_code, signal) => done(signal)));
    bot.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const atKill = auditLines().map((l) => l.status);

    bot = await startBot();

    const done = auditLines()
      .filter((l) => l.status === 'done' && l.action === 'add')
      .map((l) => l.doc);
    const expected = ['france-north-korea-relations', ...done].sort();
    expect(
      readdirSync(corpusDir())
        .map((f) => f.replace(/\.txt$/, ''))
        .sort(),
    ).toEqual(expected);
    expect(await indexedDocuments()).toEqual(expected);
    // Killed mid-change (the usual case: the rebuild takes a second or more), the add was rolled back at the restart.
    if (atKill.join() === 'pending') expect(auditLines().map((l) => l.status)).toEqual(['pending', 'rolled_back']);
  });
});
