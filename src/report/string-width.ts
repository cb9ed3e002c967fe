/**
 * vfile-reporter measures every cell of the stylish report with string-width 6, which
 * segments each string into graphemes and tests each one against the emoji expression:
 * about 15 µs a cell, half a second for the report of a thousand articles. French report
 * text is nearly always made of characters that are one column wide each; for those the
 * width is the length, and string-width gives exactly that. Anything else (colours, emoji,
 * combining accents, East Asian text) still goes to string-width.
 *
 * The bundle of the command (scripts/bundle.ts) hands this module to vfile-reporter in
 * place of string-width; the output is the same byte for byte (tests/report-width.test.ts).
 */
import stringWidth from 'string-width'

/**
 * One column each, one UTF-16 unit each, never joined into a wider grapheme, never emoji:
 * printable ASCII, Latin-1 and Latin Extended-A letters (but the soft hyphen, © and ®),
 * the typography of French text (’ “ ” « » – — … → €, thin and narrow no-break spaces), and
 * the marks the report draws for no-break spaces (␣ ⍽, src/report/spaces.ts): without them
 * the first suggestion with a no-break space made string-width build its emoji expression,
 * some 12 ms of a one-article run.
 */
const narrowText = /^[\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u017F\u2009\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u202F\u2192\u20AC\u237D\u2423]*$/

type StringWidth = (text: string, options?: Parameters<typeof stringWidth>[1]) => number

/** `fallback` measures what the fast path does not (string-width itself). */
export function fastStringWidthOver(fallback: StringWidth): StringWidth {
  return (text, options) => (typeof text === 'string' && options === undefined && narrowText.test(text) ? text.length : fallback(text, options))
}

export default fastStringWidthOver(stringWidth)
