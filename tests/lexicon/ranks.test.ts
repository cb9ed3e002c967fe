import {describe, expect, it} from 'vitest'
import {loadRanks} from '../../src/lexicon/lists.js'
import {RankList} from '../../src/lexicon/ranks.js'

describe('RankList: frequency ranks from a sorted table, then from a Map', () => {
  for (const name of ['word-frequencies.txt', 'english-words.txt']) {
    it(`${name}: every rank and size as loadRanks gives them, in both modes`, () => {
      const ranks = loadRanks(name)
      const list = new RankList(name)
      expect(list.size).toBe(ranks.size)
      // More lookups than the table answers before the Map is built: both modes are asked.
      const wrong: string[] = []
      for (const [word, rank] of ranks) if (list.rank(word) !== rank) wrong.push(word)
      for (const word of ['', 'xqzw', 'Maison', 'maison ', 'de\tla', 'de\u0000', 'abcdefghijkl', 'gouvernementx', 'cœurs', 'é'.repeat(12)]) if (list.rank(word) !== ranks.get(word)) wrong.push(word)
      expect(wrong).toEqual([])
      expect(list.size).toBe(ranks.size)
    })
  }

  it('a fresh list answers its first lookups (from the table)', () => {
    const list = new RankList('word-frequencies.txt')
    expect(list.rank('de')).toBe(1)
    expect(list.rank('gouvernement')).toBe(loadRanks('word-frequencies.txt').get('gouvernement'))
    expect(list.rank('gouvernment')).toBeUndefined()
  })
})
