/**
 * Word positions around a full stop glued between two words ("France.Le"): parse-latin
 * merges the pieces into one word, ParseFrench splits them again; each word must then
 * cover exactly its own text (it once stretched over the whole glued piece).
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createProcessor} from '../../src/processor.js'

function tokensOf(text: string): Array<{kind: string; value: string; actual: string}> {
  const processor = createProcessor({config: {extends: 'none'}})
  const file = new VFile({value: text})
  processor.runSync(processor.parse(file), file)
  return file.data.coquille!.tokens.map((token) => ({kind: token.kind, value: token.value, actual: text.slice(token.start, token.end)}))
}

describe('glued full stop positions', () => {
  for (const text of ['en France.Le ministre', 'Il a parlé.Ensuite il est parti.', 'Titre\nLa Corée.KCNA a dit.']) {
    it(`every token covers its own text: ${text}`, () => {
      const tokens = tokensOf(text)
      for (const token of tokens) expect(token.actual).toBe(token.value)
      expect(tokens.map((token) => token.actual).join('')).toBe(text.replace('\n', ''))
    })
  }
})
