import { UserError } from '../errors.js';

/** Signatures of document formats whose bytes can pass as UTF-8 but are not prose. */
const FORMATS: readonly [RegExp, string][] = [
  [/^%PDF-/, 'a PDF file'],
  [/^%!PS/, 'a PostScript file'],
  [/^\{\\rtf/, 'an RTF file'],
  // eslint-disable-next-line no-control-regex -- a ZIP file's signature is made of control characters
  [/^PK\u0003\u0004/, 'a ZIP archive (such as a .docx or .odt file)'],
];

/** Control characters that do not occur in text: C0 except tab, line feed, form feed and carriage return; DEL; C1. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

/** More control characters than this share of the text means binary data decoded as UTF-8. */
const MAX_CONTROL_SHARE = 0.02;

/**
 * Throws `bad_document` unless decoded `text` is plain text: no NUL, not another document format
 * renamed `.txt` or `.md` (a PDF is valid UTF-8 as often as not), and not mostly control characters.
 */
export function assertPlainText(fileName: string, text: string): void {
  if (text.includes('\u0000')) throw new UserError('bad_document', `corpus: "${fileName}" is binary, not text`);
  const format = FORMATS.find(([signature]) => signature.test(text))?.[1];
  if (format) {
    throw new UserError('bad_document', `corpus: "${fileName}" is ${format}, not text; save it as plain text (.txt) or Markdown (.md) first`);
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > text.length * MAX_CONTROL_SHARE) {
    throw new UserError('bad_document', `corpus: "${fileName}" is binary, not text (${controls} control characters in ${text.length})`);
  }
}
