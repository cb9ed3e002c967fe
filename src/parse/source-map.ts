/**
 * Offsets of extracted prose back to the original file. Markdown and HTML prose differs
 * from its source (escapes, entities, blockquote and list prefixes, indentation, markup
 * between inline nodes); the text handed to the parser is built from segments, each
 * aligned character by character with the source range it came from.
 */
import {lazy} from '../lazy.js'

/** The HTML standard's character reference decoder (parse5's); loaded with the Markdown and HTML parsers. */
export const entityDecoder = lazy('entities', () => import('entities'))

/** What a character reference can be made of, at most (`&` then a name or a number, then `;`). */
const referenceExtent = /&(?:#[xX]?[\da-fA-F]+|[A-Za-z][A-Za-z\d]{0,32});?/y

/**
 * The character reference at `source[at]` (an `&`), read as the HTML standard reads it
 * (entities' decoder, parse5's): the semicolon is optional for numeric and legacy named
 * references (`&nbsp ?`, `&#160 `), and `&notit;` is `&not` (`¬`) followed by `it;`. The
 * reference is the longest run from `at` that decodes to one character; never "everything
 * up to the next semicolon". Undefined when there is none.
 */
export function characterReferenceAt(source: string, at: number, end = source.length): {length: number; decoded: string} | undefined {
  // The most a reference can span from here: `&`, then `#` and hex digits or a name, then `;`.
  referenceExtent.lastIndex = at
  const extent = referenceExtent.exec(source)
  if (!extent) return undefined
  const {decodeHTML} = entityDecoder()
  for (let stop = Math.min(end, at + extent[0].length); stop > at + 1; stop--) {
    const text = source.slice(at, stop)
    const decoded = decodeHTML(text)
    if (decoded !== text && isOneCodePoint(decoded)) return {length: stop - at, decoded}
  }
  return undefined
}

function isOneCodePoint(text: string): boolean {
  return text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff)
}

/** One run: `length` characters of text starting at `textStart` come from source [sourceStart, sourceEnd). */
interface Run {
  textStart: number
  length: number
  sourceStart: number
  sourceEnd: number
}

export class ProseBuilder {
  text = ''
  readonly #runs: Run[] = []

  /**
   * Append `value`, the decoded form of `source.slice(start, end)`, aligned char by char.
   * Returns the source offset reached.
   */
  appendAligned(value: string, source: string, start: number, end: number): number {
    let sourceAt = start
    let valueAt = 0
    while (valueAt < value.length) {
      const char = value[valueAt]!
      if (sourceAt >= end) {
        // Source exhausted (should not happen): pin the rest to the end of the range.
        this.#push(value.slice(valueAt), end, end)
        return end
      }
      const sourceChar = source[sourceAt]!
      if (sourceChar === char) {
        // Copy the longest run of identical characters in one go.
        let length = 1
        while (
          valueAt + length < value.length &&
          sourceAt + length < end &&
          value[valueAt + length] === source[sourceAt + length]
        ) {
          length++
        }
        this.#push(value.slice(valueAt, valueAt + length), sourceAt, sourceAt + length)
        valueAt += length
        sourceAt += length
        continue
      }
      if (sourceChar === '\\' && source[sourceAt + 1] === char) {
        sourceAt++ // Markdown escape: the backslash is markup.
        continue
      }
      if (sourceChar === '&') {
        const code = char.charCodeAt(0)
        const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1
        const reference = characterReferenceAt(source, sourceAt, end)
        const length = reference?.decoded === value.slice(valueAt, valueAt + width) ? reference.length : 0
        if (length > 0) {
          this.#push(value.slice(valueAt, valueAt + width), sourceAt, sourceAt + length)
          valueAt += width
          sourceAt += length
          continue
        }
      }
      if (char === '\n' && sourceChar === '\r') {
        // HTML parsers normalise CR and CRLF line breaks to LF.
        const width = source[sourceAt + 1] === '\n' ? 2 : 1
        this.#push(char, sourceAt, sourceAt + width)
        valueAt++
        sourceAt += width
        continue
      }
      if (char === ' ' && (sourceChar === '\n' || sourceChar === '\r')) {
        // Some trees fold a line break into a space.
        this.#push(char, sourceAt, sourceAt + 1)
        valueAt++
        sourceAt++
        continue
      }
      // Markup in the source that the value does not carry (prefixes, indentation) is
      // skipped; but a value character the source does not hold at all nearby (a parser
      // whose position starts after a character reference) is pinned, not allowed to
      // swallow the rest of the source.
      const ahead = source.slice(sourceAt, Math.min(end, sourceAt + 16))
      if (ahead.includes(char) || char === ' ' || char === '\n') {
        sourceAt++
      } else {
        this.#push(char, sourceAt, sourceAt)
        valueAt++
      }
    }
    return sourceAt
  }

  /** Append a placeholder standing for a whole source range (inline code, images, inline HTML). */
  appendOpaque(placeholder: string, start: number, end: number): void {
    this.#push(placeholder, start, end)
  }

  /** Append text with no source of its own (a separator), pinned at `at`. */
  appendVirtual(value: string, at: number): void {
    this.#push(value, at, at)
  }

  get isEmpty(): boolean {
    return this.text.trim() === ''
  }

  /** Map a text offset to a source offset; `isEnd` maps an exclusive end. */
  toSource(offset: number, isEnd: boolean): number {
    const runs = this.#runs
    if (runs.length === 0) return 0
    const probe = isEnd ? offset - 1 : offset
    let low = 0
    let high = runs.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (runs[middle]!.textStart <= probe) low = middle
      else high = middle - 1
    }
    const run = runs[low]!
    const inside = Math.max(0, Math.min(probe - run.textStart, run.length - 1))
    const copied = run.sourceEnd - run.sourceStart === run.length
    if (isEnd) {
      if (offset <= run.textStart) return run.sourceStart
      return copied ? run.sourceStart + inside + 1 : run.sourceEnd
    }
    return copied ? run.sourceStart + inside : run.sourceStart
  }

  #push(value: string, sourceStart: number, sourceEnd: number): void {
    if (value.length === 0) return
    const last = this.#runs.at(-1)
    const copied = sourceEnd - sourceStart === value.length
    if (
      last &&
      copied &&
      last.sourceEnd - last.sourceStart === last.length &&
      last.sourceEnd === sourceStart &&
      last.textStart + last.length === this.text.length
    ) {
      last.length += value.length
      last.sourceEnd = sourceEnd
    } else {
      this.#runs.push({textStart: this.text.length, length: value.length, sourceStart, sourceEnd})
    }
    this.text += value
  }
}
