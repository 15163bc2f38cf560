/** A WordNet part of speech, spelled as in its file names (`index.noun`, `data.verb`, `adj.exc`). */
export type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';

/** Every part of speech, in lookup order. */
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];
