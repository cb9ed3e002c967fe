import {describe, expect, it} from 'vitest'
import {PackedMemo} from '../../src/lexicon/packed-memo.js'

describe('PackedMemo', () => {
  it('answers as the computation does, once per word, for short, long and non-Latin-1 words', () => {
    const memo = new PackedMemo<string | null>()
    const computed: string[] = []
    const compute = (word: string): string | null => {
      computed.push(word)
      return word.length % 3 === 0 ? null : `${word.length}`
    }
    const words = ['a', 'ab', 'abc', 'été', 'œuvre', 'aujourd’hui', 'anticonstitutionnellement', 'abcdefghijkl', 'abcdefghijklm', 'ÿÿÿÿ', 'a\u0000', '\u00ff']
    for (let round = 0; round < 3; round++) for (const word of words) expect(memo.remember(word, compute), word).toBe(compute.call(null, word))
    // Each word computed once by the memo (and three times by the check above).
    expect(computed.length).toBe(words.length + 3 * words.length)
  })

  it('tells apart words of the same letters in other places or lengths', () => {
    const memo = new PackedMemo<string>()
    for (const word of ['ab', 'ba', 'abab', 'ab\u0000', 'abcdabcdabcd', 'abcdabcdabce', 'abcdabceabcd']) expect(memo.remember(word, (w) => w)).toBe(word)
    for (const word of ['ab', 'ba', 'abab', 'ab\u0000', 'abcdabcdabcd', 'abcdabcdabce', 'abcdabceabcd']) expect(memo.remember(word, () => 'recomputed')).toBe(word)
  })

  it('lets a computation ask the memo about another word', () => {
    const memo = new PackedMemo<number>()
    const depth = (word: string): number => (word.length <= 1 ? 0 : 1 + memo.remember(word.slice(1), depth))
    expect(memo.remember('abcdef', depth)).toBe(5)
    for (const word of ['abcdef', 'bcdef', 'cdef', 'def', 'ef', 'f']) expect(memo.remember(word, () => -1)).toBe(word.length - 1)
  })

  it('starts again when full, and still answers right', () => {
    const memo = new PackedMemo<boolean>(100)
    for (let round = 0; round < 2; round++) for (let index = 0; index < 1000; index++) expect(memo.remember(`w${index}`, (w) => w.endsWith('7'))).toBe(String(index).endsWith('7'))
  })
})
