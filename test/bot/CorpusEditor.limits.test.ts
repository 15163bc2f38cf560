import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusEditor } from '../../src/bot/CorpusEditor.js';
import { ChangeJournal } from '../../src/bot/ChangeJournal.js';

const dir = mkdtempSync(join(tmpdir(), 'corpus-editor-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const actor = { id: '1300000000000000001', name: 'mod', guild: '1300000000000000100' };
const FIX = '(split the document, or raise the limit in .env)';

describe('CorpusEditor and document limits', () => {
  it('refuses a document over the limits before anything changes: no file, no rebuild, no audit line', async () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    let rebuilds = 0;
    const liveIndex = { answerer: {} as never, rebuild: () => Promise.resolve((rebuilds++, {} as never)) };
    const journal = new ChangeJournal(join(dir, 'data'));
    const audit = journal.auditPath;
    const editor = new CorpusEditor(corpusDir, liveIndex, journal, { sections: 1000, sentences: 20_000, chunks: 3, lineChars: 20_000 });
    const sections = `# Many\n\n${Array.from({ length: 100_000 }, (_, i) => `## h${i}\nA b${i} c.\n`).join('')}`;
    const chunks = `# Few\n\n${Array.from({ length: 4 }, (_, i) => `## h${i}\n\nSentence ${i} is here.\n`).join('\n')}`;

    await expect(editor.add({ fileName: 'x.md', bytes: Buffer.from(sections), actor })).rejects.toThrow(
      `document_too_large: corpus: "x.md" has 100000 sections; the limit is MAX_DOC_SECTIONS=1000 ${FIX}`,
    );
    await expect(editor.add({ fileName: 'y.md', bytes: Buffer.from(chunks), actor })).rejects.toThrow(
      `document_too_large: corpus: "y.md" has 4 chunks; the limit is MAX_DOC_CHUNKS=3 ${FIX}`,
    );
    expect(readdirSync(corpusDir)).toEqual([]);
    expect(rebuilds).toBe(0);
    expect(existsSync(audit)).toBe(false);
  });
});
