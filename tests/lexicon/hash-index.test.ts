import {describe, expect, it} from 'vitest'
import {equalsUtf8, findHashed, hashSlots} from '../../src/lexicon/hash-index.js'
import {lineStarts} from '../../src/lexicon/words.js'

describe('hash index', () => {
  const words = ['a', 'ab', 'abri', 'Été', 'été', 'œuvre', 'aujourd’hui', 'zèbre', '𝄞clef', 'ä']
  const bytes = Buffer.from(words.join('\n') + '\n', 'utf8')
  const lines = lineStarts(bytes)
  const slots = hashSlots(words)

  it('finds every entry, and nothing else', () => {
    words.forEach((word, index) => expect(findHashed(slots, word, bytes, lines, 1)).toBe(index))
    for (const absent of ['', 'abr', 'abris', 'b', 'ETE', 'zèbres', 'œ', 'zzz', 'A', '\uD834clef', 'aujourd\'hui']) expect(findHashed(slots, absent, bytes, lines, 1)).toBe(-1)
  })

  it('has at least twice as many slots as entries, a power of two', () => {
    expect(slots.length).toBeGreaterThanOrEqual(2 * words.length)
    expect(slots.length & (slots.length - 1)).toBe(0)
  })

  it('compares a word with UTF-8 bytes as Buffer#write encodes it', () => {
    for (const word of ['', 'a', 'é', '’', '𝄞', 'a\uD800', '\uDC00b', 'œuvre', 'ÿ\u07FF\u0800\uFFFF']) {
      const encoded = Buffer.from(word, 'utf8')
      expect(equalsUtf8(word, encoded, 0, encoded.length), word).toBe(true)
      expect(equalsUtf8(word + 'x', encoded, 0, encoded.length), word).toBe(false)
      if (encoded.length > 0) expect(equalsUtf8(word, encoded, 0, encoded.length - 1), word).toBe(false)
    }
  })

  it('refuses U+FFFD, which a lone surrogate would be looked up as', () => {
    expect(() => hashSlots(['a\uFFFD'])).toThrow(/cannot be indexed/)
  })
})
