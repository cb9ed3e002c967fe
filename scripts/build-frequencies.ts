/**
 * Builds two lists `spelling` reads, from the `commonWords.json` of the npm packages
 * `@zxcvbn-ts/language-fr` and `@zxcvbn-ts/language-en` (MIT; the lists are derived from
 * OpenSubtitles 2024 via OPUS, ODC-BY, see PROVENANCE.md), most frequent words first:
 *
 * - src/lexicon/data/word-frequencies.txt: the French words of letters (inner hyphens
 *   allowed) that the French word list holds in lower case, in their order; the line
 *   number is the rank, which orders suggestions ("minsitre" → « ministre » first);
 * - src/lexicon/data/english-words.txt: the 30,000 most frequent English words of letters
 *   that are not French forms ("racing", "fake", "story"): English in French copy is not
 *   a typo.
 *
 * Not project dependencies: unpack both packages and give the paths of their
 * `src/commonWords.json`. Run once:
 * `npx tsc -p . && node dist/scripts/build-frequencies.js fr/commonWords.json en/commonWords.json`.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {dataFolder} from '../src/lexicon/lists.js'
import {isDictionaryForm, isFrenchWord} from '../src/lexicon/words.js'

const [source, englishSource] = process.argv.slice(2)
if (!source || !englishSource) {
  console.error('usage: node dist/scripts/build-frequencies.js fr/commonWords.json en/commonWords.json')
  process.exit(2)
}
const words = JSON.parse(readFileSync(source, 'utf8')) as string[]
const seen = new Set<string>()
const kept: string[] = []
for (const raw of words) {
  const word = raw.normalize('NFC')
  if (!/^\p{Ll}+(?:-\p{Ll}+)*$/u.test(word) || seen.has(word) || !isDictionaryForm(word)) continue
  seen.add(word)
  kept.push(word)
}
const header = [
  '# French words by frequency, most frequent first (the line order is the rank).',
  '# From @zxcvbn-ts/language-fr commonWords.json (MIT), derived from OpenSubtitles 2024',
  '# via OPUS (ODC-BY): see PROVENANCE.md. Built by scripts/build-frequencies.ts.',
]
writeFileSync(join(dataFolder, 'word-frequencies.txt'), `${header.join('\n')}\n${kept.join('\n')}\n`)
console.log(`${kept.length} words of ${words.length}`)

const englishLimit = 30_000
const english: string[] = []
for (const raw of JSON.parse(readFileSync(englishSource, 'utf8')) as string[]) {
  const word = raw.normalize('NFC')
  if (english.length >= englishLimit) break
  if (!/^[a-z]+$/.test(word) || word.length < 3 || isFrenchWord(word)) continue
  english.push(word)
}
const englishHeader = [
  '# Frequent English words that are not French forms, most frequent first.',
  '# From @zxcvbn-ts/language-en commonWords.json (MIT), derived from OpenSubtitles 2024',
  '# via OPUS (ODC-BY): see PROVENANCE.md. Built by scripts/build-frequencies.ts.',
]
writeFileSync(join(dataFolder, 'english-words.txt'), `${englishHeader.join('\n')}\n${english.join('\n')}\n`)
console.log(`${english.length} English words`)
