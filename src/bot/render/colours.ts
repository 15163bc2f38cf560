/**
 * Embed colours with one meaning each, the same in every reply (answers, more passages, /cite,
 * Find sources, errors): a sourced quote, a claim the source marks [citation needed], an error.
 */
export const COLOURS = Object.freeze({
  /** A quote with its footnotes (or from a passage its article does not mark unsourced): green. */
  sourced: 0x3ba55c,
  /** A quote the source marks `[citation needed]`: amber. */
  citationNeeded: 0xfaa61a,
  /** A refusal or failure: red. */
  error: 0xed4245,
});
