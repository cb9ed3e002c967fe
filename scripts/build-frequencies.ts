/**
 * Builds src/lexicon/data/word-frequencies.txt, the frequency ranks `spelling` uses to
 * order its suggestions ("minsitre" → « ministre » before « minerve »).
 *
 * Source: `commonWords.json` of the npm package `@zxcvbn-ts/language-fr` (MIT; the list
 * is derived from OpenSubtitles 2024 via OPUS, ODC-BY, see PROVENANCE.md): 28,000 French
 * words, most frequent first. Not a project dependency: unpack the package and give the
 * path of its `src/commonWords.json`.
 *
 * Run once: `npx tsc -p . && node dist/scripts/build-frequencies.js path/to/commonWords.json`.
 *
 * Kept: the words of letters (inner hyphens allowed) that the French word list holds in
 * lower case, in their order, one per line; the line number is the rank.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {dataFolder} from '../src/lexicon/lists.js'
import {isDictionaryForm} from '../src/lexicon/words.js'

const source = process.argv[2]
if (!source) {
  console.error('usage: node dist/scripts/build-frequencies.js path/to/commonWords.json')
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
