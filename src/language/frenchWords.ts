import { normalizeWord } from '../text/tokenize.js';

/**
 * French function words, written with their accents: articles, pronouns, prepositions,
 * conjunctions, question words, negation, the forms of être and avoir, modal verbs and chat
 * filler. Like the English list, question words are here: they say what kind of answer is
 * wanted, not what about.
 */
export const FRENCH_STOPWORDS: ReadonlySet<string> = withUnaccented(
  (
    'le la les l un une des du de d au aux ce cet cette ces c ça ca cela ceci celui celle ceux celles ' +
    'mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs quelque quelques chaque tout tous toute ' +
    'toutes autre autres même mêmes je j tu il ils elle elles on nous vous me m te t se s lui y en moi toi ' +
    'soi eux qui que qu quoi dont où lequel laquelle lesquels lesquelles duquel auquel quel quelle quels ' +
    'quelles quand comment pourquoi combien à dans par pour sur sous avec sans chez vers entre depuis pendant ' +
    'avant après contre selon jusqu jusque près et ou mais donc or ni car si lorsque lorsqu puisque puisqu ' +
    'comme alors ainsi aussi ne n pas plus moins très trop bien encore déjà toujours jamais rien oui non là ' +
    'ici peu beaucoup assez tant vraiment être suis es est sommes êtes sont étais était étions étiez étaient ' +
    'été sera seront serait seraient fut furent soit soient étant avoir ai as a avons avez ont avais avait ' +
    'avions aviez avaient eu aura auront aurait auraient ayant eut peut peuvent pouvait pourrait faut doit ' +
    'doivent devait dire dis dit savoir sais sait svp stp bon ben bah euh genre voilà salut bonjour merci hein ' +
    // chat spellings: ya (il y a), koi (quoi), kel (quel), pk and pq (pourquoi)
    'ya koi kel pk pq'
  ).split(' '),
);

/** Words French writes elided before a vowel: `l'AAFC`, `qu'il`, `jusqu'à`. */
export const FRENCH_ELISIONS: ReadonlySet<string> = new Set('l d qu c j n s m t jusqu lorsqu puisqu quoiqu presqu'.split(' '));

/** Letters French writes and English does not (outside borrowed names). */
export const FRENCH_LETTERS = /[àâçèéêëîïôùûüÿœæ]/i;

/** The words and, for chat typed without accents, their unaccented forms (`déjà` and `deja`). */
function withUnaccented(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.flatMap((w) => [w, normalizeWord(w)]));
}
