import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/chunking/chunkDocument.js';
import { LexicalIndex } from '../../src/index/LexicalIndex.js';
import { analyzeQuery, type TermGroup } from '../../src/retrieval/analyzeQuery.js';
import { WordNet } from '../../src/retrieval/WordNet.js';

// A small corpus vocabulary with names, an acronym in brackets and a few common words.
const TEXTS = [
  'France is one of two European Union members not to recognise North Korea, the other being Estonia.',
  'President François Mitterrand toured North Korea in 1981. French people view it negatively.',
  'In late 2009, Nicolas Sarkozy appointed Jack Lang his special envoy. Lang traveled to Pyongyang and briefed the ambassadors of Russia.',
  'The office was headed by French diplomat Olivier Vaysset, ministry spokesman Bernard Valero said.',
  'Another group is the French Juche Study group led by Jean-Marie Lambret, and the France-Korea Friendship Association (AAFC).',
  'The French government has made clear that the opening of the office does not imply recognition.',
];
const chunks: Chunk[] = TEXTS.map((t, i) => ({ docId: 'doc', title: 'Relations', section: `S${i}`, start: 0, end: t.length, sentences: [] }));
const vocabulary = LexicalIndex.build(chunks, TEXTS);
const wordnet = WordNet.open();
const read = (q: string): TermGroup[] => [...analyzeQuery(q, vocabulary, wordnet).groups];
const summary = (g: TermGroup): string =>
  `${g.word}:${g.role}${g.salient ? '!' : ''}${g.known ? '' : '?'}${g.reading ? `<${g.reading.kind} ${g.reading.from}` : ''}`;

describe('analyzeQuery on chat', () => {
  it('expands chat forms, drops filler, and reads corpus acronyms', () => {
    expect(read('lol what do french ppl think of nk tbh').map(summary)).toEqual(['french:key!', 'people:weak<expanded ppl', 'nk:key!<expanded nk']);
    const nk = read('nk')[0]!;
    expect(nk.reading).toEqual({ kind: 'expanded', from: 'nk', to: 'north korea' });
    expect(nk.phrases.map((p) => p.stems)).toContainEqual(['north', 'korea']);
  });

  it('corrects misspelt corpus words and names, a little below exact words', () => {
    const [mitterrand] = read('miterand');
    expect(mitterrand).toMatchObject({ word: 'mitterrand', known: true, reading: { kind: 'corrected', from: 'miterand', to: 'mitterrand' } });
    expect(mitterrand!.alternatives[0]!.weight).toBeLessThan(1);
    expect(read('pyonyang vayset').map((g) => g.reading?.to)).toEqual(['pyongyang', 'vaysset']);
  });

  it('does not correct a real English word to a corpus word, unless to a name with the same letters', () => {
    // "back" is one edit from "jack", "germany" is a word of its own; "lambert" swaps two letters of "Lambret".
    // ("back" then counts as key: with only a name beside it, it is what is asked of France.)
    expect(read('france back').map(summary)).toEqual(['france:key!', 'back:key?']);
    expect(read('germany').map(summary)).toEqual(['germany:key!?']);
    expect(read('lambert')[0]!.reading).toEqual({ kind: 'corrected', from: 'lambert', to: 'lambret' });
  });

  it('corrects a word neither the corpus nor English knows to English ("russain" → russian → Russia)', () => {
    expect(read('russain')[0]!.reading).toEqual({ kind: 'corrected', from: 'russain', to: 'russian' });
    // An English correction the corpus never relates to reads nothing: the word stays as typed.
    expect(read('covid')[0]).toMatchObject({ word: 'covid', known: false, salient: true });
    expect(read('covid')[0]!.reading).toBeUndefined();
  });

  it('accepts a correction to a corpus word only beside another word of the question', () => {
    // "steinburg" is one edit from no word here; "vayset" stands beside "office" in the corpus.
    expect(read('vayset office')[0]!.reading).toEqual({ kind: 'corrected', from: 'vayset', to: 'vaysset' });
    expect(read('vayset estonia')[0]!.reading).toBeUndefined();
  });

  it('drops a misspelt function word', () => {
    expect(read('wich country').map((g) => g.word)).toEqual(['country']);
  });

  it('gives roles: names and numbers key and salient, answer kinds and general words weak', () => {
    // "special" and "take" have many senses in WordNet: general words.
    expect(read('what year did the special envoy take office in 2009').map(summary)).toEqual([
      'year:weak?',
      'special:weak',
      'envoy:key',
      'take:weak?',
      'office:key',
      '2009:key!',
    ]);
  });

  it('reads the words of a long message before its question as context', () => {
    const groups = read('my cousin did an exchange semester in europe and met someone from pyongyang. does france let north korean students study there');
    expect(groups.filter((g) => g.role === 'context').map((g) => g.word)).toEqual(['cousin', 'exchange', 'semester', 'europe', 'met', 'pyongyang']);
    expect(groups.filter((g) => g.role !== 'context').map((g) => g.word)).toEqual(['france', 'north', 'korean', 'students', 'study']);
  });

  it('reads a two-word name as a name: "south korea" is not "korea"', () => {
    const [south] = read('south korea');
    expect(south).toMatchObject({ word: 'south', salient: true });
    expect(south!.alternatives.map((a) => a.stem)).not.toContain('korea');
  });

  it('reads a question of general words only by those words', () => {
    expect(read('back').map(summary)).toEqual(['back:key?']);
  });

  it('links the parts of a corpus name, and weakens unknown words in a claim to check', () => {
    const groups = read('jack lang refuses to speak, right?');
    expect(groups[0]!.name).toBeDefined();
    expect(groups[0]!.name).toBe(groups[1]!.name);
    expect(groups.find((g) => g.word === 'refuses')?.role).toBe('weak');
    expect(read('does jack lang refuse to speak').find((g) => g.word === 'refuse')?.role).toBe('key');
    // A claim's figure the corpus lacks is a detail to check, not a reason to decline; a name stays key.
    expect(read('france recognised nk in 2024, right?').find((g) => g.word === '2024')?.role).toBe('weak');
    expect(read('germany recognised nk, right?').find((g) => g.word === 'germany')).toMatchObject({ role: 'key', salient: true, known: false });
  });

  it('reads a translated word by the stems of its readings, and a word the dictionary lacks as weak', () => {
    const groups = analyzeQuery(
      [
        { typed: 'reconnait', readings: ['acknowledge', 'recognize'], kind: 'translated', part: 'core' },
        { typed: 'humanitaire', readings: ['humanitaire'], part: 'core', unsure: true },
        { typed: 'lang', readings: ['lang'], part: 'core', unsure: true },
      ],
      vocabulary,
      wordnet,
    ).groups;
    // "recognize" finds the corpus's British "recognise" through their common stem.
    expect(groups[0]!.alternatives.map((a) => a.stem)).toContain('recogn');
    expect(groups[0]!.known).toBe(true);
    expect(groups.slice(1).map(summary)).toEqual(['humanitaire:weak?', 'lang:key!']);
  });

  it('reads a year written short as the corpus years ending so', () => {
    expect(read('mitterrand in 81')[1]).toMatchObject({ word: '81', known: true, reading: { kind: 'expanded', from: '81', to: '1981' } });
    expect(read('mitterrand in 77')[1]).toMatchObject({ word: '77', known: false });
  });

  it('reads a word a large corpus uses elsewhere as a same-letters name that stands beside clearly more of the question', () => {
    const texts = [...TEXTS, 'Lambert was a French composer.'];
    const local = LexicalIndex.build(
      texts.map((t, i) => ({ docId: 'doc', title: 'T', section: `S${i}`, start: 0, end: t.length, sentences: [] })),
      texts,
    );
    const lambert = (q: string): TermGroup => analyzeQuery(q, local, wordnet).groups.find((g) => g.reading?.from === 'lambert' || g.word === 'lambert')!;
    // Lambret stands beside french, juche, study and group; Lambert only beside french.
    expect(lambert('who led the french juche study group, lambert?')).toMatchObject({ word: 'lambret', reading: { kind: 'corrected', from: 'lambert' } });
    // Asked beside what the corpus says of Lambert, it stays Lambert.
    expect(lambert('was lambert a french composer')).toMatchObject({ word: 'lambert' });
    expect(lambert('was lambert a french composer').reading).toBeUndefined();
  });

  it('reads a misspelt English word as the close word the corpus uses, and drops a misspelt function word', () => {
    // "apoint" is one edit from "point" and from "appoint"; the corpus writes "appointed".
    expect(read('who did sarkozy apoint as envoy').map(summary)).toEqual(['sarkozy:key!', 'appoint:key<corrected apoint', 'envoy:key']);
    // "dosent" is one edit from the chat form "doesnt" (does not): it says nothing.
    expect(read('france dosent recognise north korea').map((g) => g.word)).toEqual(['france', 'recognise', 'north', 'korea']);
  });

  it('counts a general word the corpus lacks as key when every other key word is a name', () => {
    // "when did mitterrand die": dying is what is asked, and the corpus never mentions it.
    expect(read('when did mitterrand die').map(summary)).toEqual(['mitterrand:key!', 'die:key?']);
    // A word before "to" only leads to the verb after it; a word for the kind of answer stays weak.
    expect(read('what was lang trying to do there').map(summary)).toEqual(['lang:key!', 'trying:weak?']);
    expect(read('what year did mitterrand tour').find((g) => g.word === 'year')?.role).toBe('weak');
    // A claim to check keeps its general words weak.
    expect(read('i heard mitterrand died in pyongyang').find((g) => g.word === 'died')?.role).toBe('weak');
  });

  it('reads a two-digit number the corpus writes as that number, not as a year', () => {
    const texts = ['The office was opened in Pyongyang on 10 October.', 'A flood in 1910 and a vote in 2010.'];
    const local = LexicalIndex.build(
      texts.map((t, i) => ({ docId: 'doc', title: 'T', section: `S${i}`, start: 0, end: t.length, sentences: [] })),
      texts,
    );
    const ten = analyzeQuery('opened on 10 october', local, wordnet).groups.find((g) => g.word === '10')!;
    expect(ten.reading).toBeUndefined();
    expect(ten.alternatives.map((a) => a.stem)).toEqual(['10']);
  });
});
