/**
 * Huge plain-text files — archives and dumps, not articles — are linted section by section.
 * A document index holds an object per token, and parsing allocates some 300 bytes per
 * character, all short-lived; but what is alive when V8 sweeps its young generation (the
 * index of the document at hand, and whatever the rules derived from it) is promoted to the
 * old generation, where it piles up until a full collection. Linted whole, a 20 MB file took
 * 1.3 GB and spent a fifth of its time collecting garbage. So above `sectionThreshold`
 * characters, the parser stage cuts the text at line breaks into sections of about
 * `sectionSize` characters and runs the whole processor (every rule, same configuration) on
 * each in turn: a section is linted before the young generation fills up twice, so its data
 * dies young (see also `turnPretenuringOff`). The messages join the file's, with places in
 * the whole file. Memory then stays near the source and the messages (about 200 MB for
 * 20 MB, Node.js included: measured by the bench), and time proportional to the size.
 *
 * A text article is a sequence of independent lines (each a block), so a section never cuts
 * a paragraph or a sentence. What a section cannot see is the rest of the file: a line
 * repeated in another section is not reported as a duplicate, and only the first section
 * has a headline. Markdown and HTML are parsed whole (their structure spans lines).
 */
import type {Root} from 'nlcst'
import type {Processor} from 'unified'
import {VFile} from 'vfile'
import {refuseInput} from '../input.js'
import {builtin} from '../lazy.js'

const v8 = builtin<typeof import('node:v8')>('node:v8')

/** Heap a message takes with its place, reason and fix (measured: about 2 KB). */
const bytesPerMessage = 2048

/** Plain-text files longer than this (in UTF-16 units) are linted by sections. */
export const sectionThreshold = 1024 * 1024
/** Length of a section: this many units (a few articles), then up to the end of the line. */
export const sectionSize = 8 * 1024

const lineBreak = /\r\n|\n|\r/g

/** Sections of `text`: [start, end) ranges ending after a line break (the last at the end). */
export function sectionRanges(text: string, size = sectionSize): Array<{start: number; end: number}> {
  const ranges: Array<{start: number; end: number}> = []
  let start = 0
  while (start < text.length) {
    let end = text.length
    if (start + size < text.length) {
      // A CR LF pair is never cut: search from just before the target.
      lineBreak.lastIndex = start + size - 1
      const found = lineBreak.exec(text)
      if (found) end = found.index + found[0].length
    }
    ranges.push({start, end})
    start = end
  }
  return ranges
}

/** Number of lines before `end` in `text` from `start` (CR LF, LF and CR each end one). */
function countLineBreaks(text: string, start: number, end: number): number {
  let count = 0
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code === 10) count++
    else if (code === 13) {
      if (text.charCodeAt(at + 1) === 10) at++
      count++
    }
  }
  return count
}

/**
 * Lint `text` (the value of `file`) section by section with `processor`, adding every
 * message to `file`. Each section is a copy of the file marked with its place
 * (`file.data.section`), so the parser stage parses it as it is, and the fix stage leaves it
 * to the whole file.
 */
export function lintInSections(processor: Processor<Root>, file: VFile, text: string): void {
  // What stays alive is the text and the messages (a dump of repeated lines has millions):
  // linting stops, with a reason, before they outgrow the heap.
  const heapLimit = v8().getHeapStatistics().heap_size_limit * 0.6 - text.length * 2
  let line = 1
  for (const {start, end} of sectionRanges(text)) {
    if (file.messages.length * bytesPerMessage > heapLimit) {
      refuseInput(
        file,
        `Trop de messages pour la mémoire de Node (${file.messages.length}) : analyse arrêtée à la ligne ${line} (découpez le fichier, ou donnez plus de mémoire à Node : NODE_OPTIONS=--max-old-space-size=…).`,
      )
      return
    }
    const section = new VFile({value: text.slice(start, end), path: file.path, cwd: file.cwd})
    section.data = {...file.data, section: {offset: start, line}}
    delete section.data.coquille
    const tree = processor.parse(section)
    processor.runSync(tree, section)
    for (const message of section.messages) {
      message.file = file.path
      file.messages.push(message)
    }
    line += countLineBreaks(text, start, end)
  }
}
