import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {dataFolder, loadRanks} from '../../src/lexicon/lists.js'
import {builtPackedPath, packedBytes, rankTableSource, RankList} from '../../src/lexicon/ranks.js'
import {loadTable} from '../../src/lexicon/sorted-table.js'

describe('RankList: frequency ranks from a sorted table, then from packed buckets', () => {
  for (const name of ['word-frequencies.txt', 'english-words.txt']) {
    it(`${name}: every rank and size as loadRanks gives them, in both modes`, () => {
      const ranks = loadRanks(name)
      const list = new RankList(name)
      expect(list.size).toBe(ranks.size)
      // More lookups than the table answers before the buckets are packed: both modes are asked.
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

describe('packed buckets of the frequency lists', () => {
  it.each(['word-frequencies.txt'])('the build writes those of %s, fresh and equal to packing its table', (name) => {
    // npm test builds first (scripts/bundle.ts).
    expect(statSync(builtPackedPath(name)).mtimeMs).toBeGreaterThanOrEqual(statSync(join(dataFolder, name)).mtimeMs)
    expect(readFileSync(builtPackedPath(name)).equals(packedBytes(loadTable(rankTableSource(name))))).toBe(true)
  })
})
