/**
 * Huge plain-text files are linted section by section (src/parse/sections.ts): the messages
 * must be those of the articles, placed in the whole file; fixes apply across sections.
 */
import {describe, expect, it} from 'vitest'
import {location} from 'vfile-location'
import {fixText} from '../../src/pipeline/fix-text.js'
import {lint} from '../../src/index.js'
import {DocumentIndexBuilder, ParseFrench} from '../../src/parse/index.js'
import {parseFormat} from '../../src/parse/formats.js'
import {sectionRanges, sectionSize, sectionThreshold} from '../../src/parse/sections.js'

const config = {extends: 'none', rules: {'repeated-words': 'error', 'glued-words': 'error', 'punctuation-spacing': 'warn'}}
const article = (number: number): string =>
  `Titre numéro ${number}\n\nLe ministre a signé le le décret numéro ${number} mardi.\r\nLors de sa visite à RussieLa ministre a parlé , puis il est parti.\n\n`

function hugeText(): {text: string; articles: number} {
  let text = ''
  let articles = 0
  while (text.length <= sectionThreshold + sectionSize) text += article(articles++)
  return {text, articles}
}

describe('sections of huge text files', () => {
  it('sectionRanges covers the text exactly, each section ending after a line break', () => {
    const text = 'ab\r\ncd\nef\rgh\r\n'.repeat(50) + 'end'
    for (const size of [1, 3, 7, 40]) {
      const ranges = sectionRanges(text, size)
      expect(ranges[0]!.start).toBe(0)
      expect(ranges.at(-1)!.end).toBe(text.length)
      for (let at = 1; at < ranges.length; at++) {
        expect(ranges[at]!.start).toBe(ranges[at - 1]!.end)
        const end = ranges[at - 1]!.end
        // Never between a CR and its LF, always right after a line break.
        expect(text[end - 1] === '\n' || (text[end - 1] === '\r' && text[end] !== '\n'), `size ${size}, cut at ${end}`).toBe(true)
      }
    }
  })

  it('a huge file gets every article’s messages, placed in the whole file', () => {
    const {text, articles} = hugeText()
    const {messages} = lint(text, {format: 'txt', config})
    const one = lint(article(0), {format: 'txt', config}).messages
    expect(one.map((message) => message.ruleId)).toEqual(['repeated-words', 'glued-words', 'punctuation-spacing'])
    expect(messages).toHaveLength(articles * one.length)
    const place = location(text)
    for (const message of messages) {
      const {start, end} = message.place as {start: {line: number; column: number; offset: number}; end: {line: number; column: number; offset: number}}
      expect(text.slice(start.offset, end.offset)).toBe(message.actual)
      expect(place.toPoint(start.offset)).toEqual(start)
      expect(place.toPoint(end.offset)).toEqual(end)
    }
  })

  it('fixes apply across the sections', () => {
    const {text} = hugeText()
    const fixed = fixText(text, {format: 'txt', config})
    expect(fixed.output).toBe(text.replaceAll('le le décret', 'le décret').replaceAll('parlé , puis', 'parlé, puis'))
  })

  it('only the first section has a headline', () => {
    const parser = new ParseFrench()
    const first = new DocumentIndexBuilder('Titre\nTexte.\n', 'txt', false, {offset: 0, line: 1})
    parseFormat('Titre\nTexte.\n', 'txt', parser, first)
    expect(first.finish().headline?.start).toBe(0)
    const later = new DocumentIndexBuilder('Suite\nTexte.\n', 'txt', false, {offset: 500, line: 40})
    parseFormat('Suite\nTexte.\n', 'txt', parser, later)
    const index = later.finish()
    expect(index.headline).toBeUndefined()
    expect(index.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph'])
    expect(index.toPoint(6)).toEqual({line: 41, column: 1, offset: 506})
  })

  it('Markdown is never cut, and keepTree keeps the whole tree', () => {
    const {text} = hugeText()
    const markdown = lint(text, {format: 'md', config: {extends: 'none', rules: {'repeated-words': 'error'}}, keepTree: true})
    expect(markdown.messages.length).toBeGreaterThan(0)
    expect(markdown.file.data.coquille!.tree.children.length).toBeGreaterThan(0)
    expect(lint('Titre\n\nTexte.\n', {format: 'txt'}).file.data.coquille!.tree.children).toEqual([])
    expect(lint('Titre\n\nTexte.\n', {format: 'txt', keepTree: true}).file.data.coquille!.tree.children.length).toBe(2)
  })
})
