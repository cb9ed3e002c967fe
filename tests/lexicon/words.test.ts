import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {dataFolder} from '../../src/lexicon/lists.js'
import {expandedWordList, lineStarts, isCommonWord, isFrenchWord, isKnownName, isKnownWord, wordListStats} from '../../src/lexicon/words.js'

describe('isFrenchWord', () => {
  it('knows common words in every inflection', () => {
    for (const word of ['maison', 'maisons', 'ratifié', 'ratifiées', 'coopérer', 'coopéreraient', 'nord-coréenne', 'aujourd’hui', 'déconfinement']) {
      expect(isFrenchWord(word), word).toBe(true)
    }
  })

  it('ignores case', () => {
    for (const word of ['Maison', 'MAISON', 'RUSSIE', 'russie', 'Le', 'LES']) expect(isFrenchWord(word), word).toBe(true)
  })

  it('accepts both apostrophes and elided articles and pronouns', () => {
    for (const word of ['l’accord', "l'accord", 'qu’il', "jusqu'au", 'd’Ukraine', 'L’Élysée', "aujourd'hui"]) {
      expect(isFrenchWord(word), word).toBe(true)
    }
  })

  it('accepts hyphenated compounds, inverted pronouns and œ typed oe', () => {
    for (const word of ['a-t-il', 'dit-elle', 'explique-t-on', 'ex-président', 'Etats-Unis', 'oeuvre', 'coeur', 'Etat', 'Elysée']) {
      expect(isFrenchWord(word), word).toBe(true)
    }
  })

  it('rejects glued words, typos and foreign words', () => {
    for (const word of ['RussieLa', 'russiela', 'BFMTVce', 'maisonn', 'mnistre', 'the', 'l’xyzt', '', 'a--b', 'zzq-qqx']) {
      expect(isFrenchWord(word), word).toBe(false)
    }
  })
})

describe('isKnownName', () => {
  it('knows dictionary names, news names and brands as written', () => {
    for (const word of ['Russie', 'Macron', 'BFMTV', 'LINFO', 'AFP', 'Benalla', 'iPhone', 'McDonald’s', "McDonald's", 'YouTube', 'TotalEnergies', 'O’Neill', 'l’iPhone', 'Elysée']) {
      expect(isKnownName(word), word).toBe(true)
    }
  })

  it('is strict about the case of brands and does not take common words for names', () => {
    for (const word of ['Iphone', 'IPHONE-X', 'youtube', 'maison', 'le', 'RussieLa']) expect(isKnownName(word), word).toBe(false)
  })

  it('knows names written in capitals and hyphenated names', () => {
    for (const word of ['RUSSIE', 'Jean-Luc', 'Kim', 'Dupond-Moretti']) expect(isKnownName(word), word).toBe(true)
  })
})

describe('isKnownWord, isCommonWord', () => {
  it('isKnownWord is a word or a name', () => {
    expect(isKnownWord('maison')).toBe(true)
    expect(isKnownWord('BFMTV')).toBe(true)
    expect(isKnownWord('BFMTVce')).toBe(false)
  })

  it('isCommonWord tells common words from names', () => {
    expect(isCommonWord('La')).toBe(true)
    expect(isCommonWord('Concernant')).toBe(true)
    expect(isCommonWord('Mélenchon')).toBe(false)
  })
})

describe('the French word list', () => {
  it('is sorted in UTF-8 byte order, which the dichotomy over its bytes relies on, and every form is found', () => {
    const lines = gunzipSync(readFileSync(join(dataFolder, 'french-words.txt.gz'))).toString('utf8').split('\n').filter(Boolean)
    const unsorted: string[] = []
    let previous = Buffer.from(lines[0]!)
    for (const line of lines.slice(1)) {
      const current = Buffer.from(line)
      if (Buffer.compare(previous, current) >= 0) unsorted.push(line)
      previous = current
    }
    expect(unsorted).toEqual([])
    const missed = lines.filter((_, at) => at % 97 === 0 || at === lines.length - 1).filter((form) => !isFrenchWord(form))
    expect(missed).toEqual([])
    expect(isFrenchWord(lines[0]! + 'zzz')).toBe(false)
  })

  it('the build writes it decompressed (read at start-up instead of unzipping), byte for byte', () => {
    // npm test builds first (scripts/bundle.ts).
    const compressed = join(dataFolder, 'french-words.txt.gz')
    expect(readFileSync(expandedWordList).equals(gunzipSync(readFileSync(compressed)))).toBe(true)
    expect(statSync(expandedWordList).mtimeMs).toBeGreaterThanOrEqual(statSync(compressed).mtimeMs)
  })
})

describe('wordListStats', () => {
  it('reports the size of the lists and the load time', () => {
    const stats = wordListStats()
    expect(stats.forms).toBeGreaterThan(400_000)
    expect(stats.names).toBeGreaterThan(200)
    expect(stats.brands).toBeGreaterThan(200)
    expect(stats.loadMs).toBeGreaterThan(0)
    expect(stats.bytes).toBeGreaterThan(5_000_000)
  })
})

describe('data files', () => {
  const entries = (name: string): string[] =>
    readFileSync(join(dataFolder, name), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))

  for (const name of ['names.txt', 'brands.txt', 'sentence-openers.txt']) {
    it(`${name}: no duplicates, typographic apostrophes, one name per line`, () => {
      const list = entries(name)
      expect(new Set(list).size).toBe(list.length)
      for (const entry of list) {
        expect(entry, entry).not.toMatch(/'/)
        expect(entry, entry).not.toMatch(/\s/)
      }
    })
  }

  it('brands.txt holds camel-case names only (an inner capital or a lower-case initial)', () => {
    for (const entry of entries('brands.txt')) expect(entry, entry).toMatch(/\p{Ll}[\p{Lu}\d]|\d\p{Lu}|^\p{Ll}|’\p{Lu}|\p{Lu}{2}\p{Ll}/u)
  })

  it('every data file has a provenance section', () => {
    const provenance = readFileSync(join(dataFolder, 'PROVENANCE.md'), 'utf8')
    for (const name of ['french-words.txt.gz', 'names.txt', 'brands.txt', 'sentence-openers.txt']) expect(provenance).toContain(`## ${name}`)
  })
})

describe('coverage on the committed samples (tests/lexicon/samples)', () => {
  const sample = (name: string): string[] =>
    readFileSync(join(import.meta.dirname, 'samples', name), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
  const misses = (words: readonly string[], test: (word: string) => boolean): string[] => words.filter((word) => !test(word))
  const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

  it('knows every ordinary word form of the sample, in any case', () => {
    const words = sample('ordinary-words.txt')
    expect(words.length).toBeGreaterThanOrEqual(300)
    expect(misses(words, isFrenchWord)).toEqual([])
    expect(misses(words.map(capitalise), isFrenchWord)).toEqual([])
    expect(misses(words.map((word) => word.toUpperCase()), isFrenchWord)).toEqual([])
  })

  it('takes no ordinary word for a name', () => {
    const words = sample('ordinary-words.txt').filter((word) => /^\p{Ll}/u.test(word))
    expect(words.filter((word) => isKnownName(word))).toEqual([])
  })

  it('knows every name, place, medium and brand of the sample as written', () => {
    const names = sample('names.txt')
    expect(names.length).toBeGreaterThanOrEqual(100)
    expect(misses(names, isKnownWord)).toEqual([])
    // Names that are also common words ("Borne", "Libération") are known words, not names.
    const asNames = names.filter((word) => isKnownName(word)).length / names.length
    expect(asNames).toBeGreaterThanOrEqual(0.95)
  })

  it('does not know camel-case brands in the wrong case', () => {
    const brands = sample('names.txt').filter((word) => /^\p{Ll}+\p{Lu}|\p{Ll}\p{Lu}/u.test(word) && !/[’']/.test(word))
    expect(brands.length).toBeGreaterThanOrEqual(20)
    expect(brands.filter((word) => isKnownName(word.toLowerCase()))).toEqual([])
    // "Blablacar" is listed on purpose: the press writes it so as often as "BlaBlaCar".
    expect(brands.filter((word) => isKnownName(capitalise(word.toLowerCase())))).toEqual(['BlaBlaCar'])
  })

  it('knows none of the glued forms, and each splits into two known words', () => {
    const glued = sample('glued.txt')
    expect(glued.filter((word) => isKnownWord(word))).toEqual([])
    for (const word of glued) {
      const splits = [...word].map((_, at) => [word.slice(0, at), word.slice(at)] as const).filter(([left, right]) => left.length > 1 && right.length > 1)
      expect(
        splits.some(([left, right]) => isKnownWord(left) && isKnownWord(right)),
        word,
      ).toBe(true)
    }
  })
})

describe('lineStarts (the built index of the word list’s lines)', () => {
  it('gives where each line starts, then one past the last line', () => {
    expect([...lineStarts(Buffer.from('a\nbc\n'))]).toEqual([0, 2, 5])
    expect([...lineStarts(Buffer.from('a\nbc'))]).toEqual([0, 2, 5])
    expect([...lineStarts(Buffer.from('é\n'))]).toEqual([0, 3])
    expect([...lineStarts(Buffer.from(''))]).toEqual([0])
  })
})
