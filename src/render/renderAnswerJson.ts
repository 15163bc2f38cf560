import type { Answer, Citation } from '../answer/types.js';

/** The `ask --json` shape: exactly these keys, in this order (a footnote's `url` only when it has one). */
export function answerToJson(answer: Answer): object {
  return {
    question: answer.question,
    answered: answer.answered,
    passages: answer.passages.map((p) => ({
      doc: p.docId,
      title: p.title,
      section: p.section,
      text: p.text,
      score: p.score,
      footnotes: p.footnotes.map((f) => ({ n: f.n, text: f.text, ...(f.url ? { url: f.url } : {}) })),
      citationNeeded: p.citationNeeded,
    })),
    reading: {
      corrected: answer.reading.corrected,
      expanded: answer.reading.expanded,
      translated: answer.reading.translated,
      keyTerms: answer.reading.keyTerms,
      missing: answer.reading.missing,
      ...(answer.reading.note !== undefined ? { note: answer.reading.note } : {}),
      ...(answer.reading.missingAnswerKind !== undefined ? { missingAnswerKind: answer.reading.missingAnswerKind } : {}),
    },
  };
}

/** The `cite --json` shape: one entry per document that has the footnote. */
export function citationsToJson(citations: readonly Citation[]): object[] {
  return citations.map((c) => ({
    doc: c.docId,
    title: c.title,
    n: c.n,
    text: c.text,
    ...(c.url ? { url: c.url } : {}),
    passages: c.passages.map((p) => ({ section: p.section, text: p.text })),
  }));
}
