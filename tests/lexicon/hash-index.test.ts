import {describe, expect, it} from 'vitest'
import {findHashed, hashSlots, matchUtf8} from '../../src/lexicon/hash-index.js'
import {lineStarts} from '../../src/lexicon/words.js'

describe('hash index', () => {
  const words = ['a', 'ab', 'abri', 'Été', 'été', 'œuvre', 'aujourd’hui', 'zèbre', '𝄞clef', 'ä']
  const bytes = Buffer.from(words.join('\n') + '\n', 'utf8')
  const lines = lineStarts(bytes)
  const slots = hashSlots(words, lines, bytes.length)

  it('finds every entry, and nothing else', () => {
    words.forEach((word, index) => expect(findHashed(slots, word, bytes, 10)).toBe(lines[index + 1]! - 1))
    for (const absent of ['', 'abr', 'abris', 'b', 'ETE', 'zèbres', 'œ', 'zzz', 'A', '\uD834clef', 'aujourd\'hui', 'a\nab', 'ab\n']) expect(findHashed(slots, absent, bytes, 10)).toBe(-1)
  })

  it('has at least twice as many slots as entries, a power of two', () => {
    expect(slots.length).toBeGreaterThanOrEqual(2 * words.length)
    expect(slots.length & (slots.length - 1)).toBe(0)
  })

  it('compares a word with UTF-8 bytes as Buffer#write encodes it', () => {
    for (const word of ['', 'a', 'é', '’', '𝄞', 'a\uD800', '\uDC00b', 'œuvre', 'ÿ\u07FF\u0800\uFFFF']) {
      const encoded = Buffer.from(word + '\t', 'utf8')
      expect(matchUtf8(word, encoded, 0, 9), word).toBe(encoded.length - 1)
      expect(matchUtf8(word + 'x', encoded, 0, 9), word).toBe(-1)
      expect(matchUtf8(word, Buffer.from(word, 'utf8'), 0, 9), word).toBe(-1)
      if (word !== '') expect(matchUtf8(word.slice(0, -1), encoded, 0, 9), word).toBe(-1)
    }
  })

  it('refuses U+FFFD, which a lone surrogate would be looked up as', () => {
    expect(() => hashSlots(['a\uFFFD'], [0], 3)).toThrow(/cannot be indexed/)
  })
})
