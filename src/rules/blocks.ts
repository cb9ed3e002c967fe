/**
 * Helpers for rules that look at whole blocks (lines, paragraphs): their prose text and
 * the source range that deletes one cleanly, line break included.
 */
import type {Block, DocumentIndex} from '../parse/document.js'

/** The prose text of a block (token values joined: entities decoded, markup left out). */
export function blockText(index: DocumentIndex, block: Block): string {
  let text = ''
  for (let at = block.firstToken; at < block.endToken; at++) text += index.tokens[at]!.value
  return text
}

/** Words of a first line of text above which it is the text itself rather than a headline. */
const maximumHeadlineWords = 25

/**
 * The document's headline when it reads as one. In a text file the first line is taken
 * for the headline only when it is short (25 words at most), carries no list marker and
 * does not end with a full stop: a long line, a bullet ("- si vous allaitez.") or a
 * sentence is the text itself, cut where the file begins.
 */
export function headlineOf(index: DocumentIndex): Block | undefined {
  const headline = index.headline
  if (!headline || index.format !== 'txt') return headline
  const text = index.source.slice(headline.start, headline.end).trim()
  if (/^[-*•–]\s/u.test(text) || /[^.]\.$/u.test(text) || text.split(/\s+/).length > maximumHeadlineWords) return undefined
  return headline
}

/** Words of a block or sentence, in lower case. */
export function wordsOf(index: DocumentIndex, firstToken: number, endToken: number): string[] {
  const words: string[] = []
  for (let at = firstToken; at < endToken; at++) {
    const token = index.tokens[at]!
    if (token.kind === 'word') words.push(token.value.toLowerCase())
  }
  return words
}

export interface DeletionRange {
  readonly start: number
  readonly end: number
  /** True when the lines hold nothing but the block (and Markdown block markers): safe to delete. */
  readonly wholeLines: boolean
}

const markdownLinePrefix = /^[\s#>*+\-\d.)]*$/
const blank = /^\s*$/
const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*\r?\n?$/
/** The end of a setext heading's text line and its underline line. */
const setextUnderlineAfterText = /^[ \t]*\r?\n {0,3}(?:=+|-+)[ \t]*$/

/**
 * The range deleting a block with its line break, so the fixed text has no hole: the
 * lines from the block's first line to its last, plus the following line break (or the
 * preceding one, for a last line without a break).
 */
export function blockDeletionRange(index: DocumentIndex, block: Block): DeletionRange {
  const {source, lineStarts} = index
  const firstLine = block.line - 1
  let lastLine = firstLine
  while (lastLine + 1 < lineStarts.length && lineStarts[lastLine + 1]! <= block.end - 1) lastLine++
  // A setext heading's underline is part of it: deleting the text alone would turn the
  // underline into a thematic break or the paragraph above into a heading.
  if (index.format === 'md' && block.kind === 'heading' && lastLine + 1 < lineStarts.length) {
    const underlineEnd = lastLine + 2 < lineStarts.length ? lineStarts[lastLine + 2]! : source.length
    if (setextUnderline.test(source.slice(lineStarts[lastLine + 1]!, underlineEnd))) lastLine++
  }
  const lineStart = lineStarts[firstLine]!
  const nextLineStart = lastLine + 1 < lineStarts.length ? lineStarts[lastLine + 1]! : source.length
  let lineEnd = nextLineStart
  while (lineEnd > block.end && (source[lineEnd - 1] === '\n' || source[lineEnd - 1] === '\r')) lineEnd--
  const before = source.slice(lineStart, block.start)
  const after = source.slice(block.end, lineEnd).replace(setextUnderlineAfterText, '')
  const prefixOk = index.format === 'html' ? blank.test(before) : markdownLinePrefix.test(before)
  const wholeLines = prefixOk && blank.test(after)
  if (!wholeLines) return {start: block.start, end: block.end, wholeLines}
  if (nextLineStart > lineEnd) {
    return {start: lineStart, end: nextLineStart, wholeLines}
  }
  // Last line without a line break: take the breaks (and blank lines) before it instead,
  // so the text still ends where its last remaining line ends.
  let start = lineStart
  while (start > 0 && /\s/u.test(source[start - 1]!)) start--
  return {start, end: nextLineStart, wholeLines}
}
