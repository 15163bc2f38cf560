/**
 * Words that name the kind of answer wanted rather than what it is about ("what *year*…",
 * "the *name* of…", "what *number*…"): a passage that answers rarely repeats them, so they
 * count little and never decide whether the corpus answers. General English, no topic's words.
 */
export const ANSWER_KINDS: ReadonlySet<string> = new Set(
  (
    'year years date dates day days month months time times name names number numbers amount amounts ' +
    'percent percentage share figure figures count total place places location reason reasons purpose ' +
    'story deal thing things way ways happen happened happens type types exactly mostly mainly generally ' +
    'currently still ever first last people person persons guy guys folks someone response reaction answer ' +
    'answers opinion information details detail background'
  ).split(' '),
);
