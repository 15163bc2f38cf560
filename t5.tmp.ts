import { readFileSync } from 'node:fs';
import { wikitextToArticle } from './src/wikipedia/wikitextToArticle.ts';
import { formatWikipedia } from './src/corpus/formatWikipedia.ts';
import { parseWikipedia } from './src/corpus/parseWikipedia.ts';
for (const f of ['Goryeo-ware','earthquakes','Elizabeth-Gilbert','Arts_Club_of_Chicago','Bodmin','Mozilla-Firefox','United-Kingdom']) {
  const raw = readFileSync(`/work/shared/wikitext/${f}.wikitext`, 'utf8');
  const t0 = performance.now();
  const a = wikitextToArticle(raw);
  const text = formatWikipedia({ title: f, sections: a.sections, references: a.references, source: { url: 'https://en.wikipedia.org/wiki/X', revisionId: 1, timestamp: '2020-01-01T00:00:00Z' } });
  const t1 = performance.now();
  const doc = parseWikipedia(f, text);
  const t2 = performance.now();
  const sentences = doc.sections.flatMap(s => s.paragraphs.flatMap(p => p.sentences));
  const noMarker = sentences.flatMap(s => s.footnotes).filter(n => !doc.references.some(r => r.n === n));
  const leaks = sentences.map(s => doc.text.slice(s.start, s.end)).filter(t => /\{\{|\}\}|<ref|\||\[\[/.test(t));
  console.log(f, 'ms', Math.round(t1 - t0), Math.round(t2 - t1), 'sections', doc.sections.length, 'sentences', sentences.length, 'refs', doc.references.length, 'urls', doc.references.filter(r => r.url).length, 'orphan markers', noMarker.length, 'leaks', leaks.length, 'source', !!doc.source);
  if (f === 'Mozilla-Firefox' || f === 'Bodmin') { console.log(text.slice(0, 1500)); console.log(doc.references.slice(0, 5)); }
}
