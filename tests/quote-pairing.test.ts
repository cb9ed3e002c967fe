/**
 * The reading of a paragraph's double quote marks as a whole (`src/rules/quote-pairing.ts`),
 * seen through the `quotes` rule's repairs: a dropped closer does not shift the pairs after
 * it, the words around a mark weigh, and the repairs stay suggestions.
 */
import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {lint} from '../src/index.js'
import {coquilleParse, type DocumentIndex} from '../src/parse/index.js'
import {quoteStructure} from '../src/parse/quotation.js'
import {readPairs} from '../src/rules/quote-pairing.js'

const config = {extends: 'none', rules: {quotes: 'error'}}

/** Each quotes message as `column:mark→fix` (or `column:mark` without a fix), and whether any fix is safe. */
function repairs(text: string): {messages: string[]; safe: boolean} {
  const {messages} = lint(text, {format: 'txt', config})
  return {
    messages: messages.map((message) => {
      const column = message.place && 'start' in message.place ? message.place.start.column : 0
      const fix = message.expected?.[0]
      return fix === undefined ? `${column}:${message.actual}` : `${column}:${message.actual}→${fix.trim()}`
    }),
    safe: messages.some((message) => message.fix === 'safe'),
  }
}

function indexOf(text: string): DocumentIndex {
  const file = new VFile({value: text})
  unified().use(coquilleParse, {format: 'txt'}).parse(file)
  return file.data.coquille!
}

describe('quote pairing', () => {
  it('repairs the second « of a name (its opener gets no message) and leaves the quotations whose closer was dropped open', () => {
    const text = 'Le modèle « Azur, présenté hier, côtoie la version « Sable « et la série « Nuit, plus sobre.'
    const {messages, safe} = repairs(text)
    expect(messages).toEqual(['11:«', '60:«→»', '74:«'])
    expect(safe).toBe(false)
  })

  it('reads “ as the closer of a « before punctuation, and as the opener of a »', () => {
    const {messages} = repairs('Il a cité « Le Mépris “, puis “ Pierrot le fou » hier.')
    expect(messages).toEqual(['23:“→»', '31:“→«'])
  })

  it('does not close a quotation right after an article or a preposition', () => {
    // "autour de « la": an opener; the earlier « lost its closer.
    const {messages} = repairs('Elle parle d’un « projet neuf construit autour de « la ville durable, dit-elle.')
    expect(messages).toEqual(['17:«', '51:«'])
  })

  it('keeps an opening mark glued to a full stop an opener: the mark before the comma closes it', () => {
    const {messages} = repairs('Il a parlé.« Je considère que nous avons raison «, a-t-il ajouté.')
    expect(messages).toEqual(['49:«→»'])
  })

  it('reads each mark once and pairs openers with closers', () => {
    const index = indexOf('Une livrée « Rouge Vif « et des jantes.')
    const {problems} = quoteStructure(index)
    const readings = readPairs(index, problems.map((problem) => problem.mark))
    expect([...readings.values()].map((reading) => reading.role).sort()).toEqual(['close', 'open'])
  })

  it('gives up on a paragraph with too many marks (no repair, the marks still reported)', () => {
    const text = Array.from({length: 70}, () => 'un « mot').join(' ') + '.'
    const {messages} = repairs(text)
    expect(messages).toHaveLength(70)
    expect(messages.every((message) => !message.includes('→'))).toBe(true)
  })
})
