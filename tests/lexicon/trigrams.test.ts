import {readFileSync, statSync} from 'node:fs'
import {gunzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {hasKnownTrigrams, loadTrigramSet, trigramSet, trigramSetPath, trigramSources} from '../../src/lexicon/trigrams.js'

describe('letter trigrams', () => {
  it('keeps every word it was built from, drops words with a trigram none has', () => {
    const set = trigramSet(['maison', 'été', 'a', 'œuvre', 'aujourd’hui', 'Zoé'])
    for (const word of ['maison', 'été', 'a', 'œuvre', 'aujourd’hui', 'Zoé']) expect(hasKnownTrigrams(word, set), word).toBe(true)
    // "mai" and "son" are there, but not "ais" followed by the end of a word.
    for (const word of ['mais', 'b', 'maisonn', 'tété', 'œuvres']) expect(hasKnownTrigrams(word, set), word).toBe(false)
    // Characters outside the classes never drop a word (Z is one, as is any capital).
    expect(hasKnownTrigrams('Zoé', set)).toBe(true)
    expect(hasKnownTrigrams('ZZZ', set)).toBe(true)
  })

  it('the build writes the set of both lists, fresh', () => {
    // npm test builds first (scripts/bundle.ts).
    for (const source of trigramSources) expect(statSync(trigramSetPath).mtimeMs).toBeGreaterThanOrEqual(statSync(source).mtimeMs)
    const forms = gunzipSync(readFileSync(trigramSources[0]!)).toString('utf8').split('\n').filter((form) => form !== '')
    const ranked = readFileSync(trigramSources[1]!, 'utf8')
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((entry) => entry !== '' && entry[0] !== '#')
    const set = loadTrigramSet()
    expect(set).not.toBeNull()
    expect(Buffer.from(set!).equals(Buffer.from(trigramSet([...forms, ...ranked])))).toBe(true)
  })
})
