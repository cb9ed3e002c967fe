/** The house vocabulary: one file, read by the library, the CLI and (tests/server) the language server. */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lint, parseVocabulary, retextFrench, rules} from '../src/index.js'
import {coquilleVocabulary} from '../src/vocabulary.js'

const config = {extends: 'none', rules: {'glued-words': 'error'}}
const text = 'Il a réservé sur RTLinfo hier.\n'

describe('house vocabulary', () => {
  it('parses words and proper nouns with gender, article and prepositions', () => {
    const vocabulary = parseVocabulary('# mots\nRTLinfo\nBCE ; f ; s ; la ; à la ; de la\n')
    expect(vocabulary.words.has('RTLinfo')).toBe(true)
    expect(vocabulary.properNouns.get('BCE')).toEqual({name: 'BCE', gender: 'f', number: 's', article: 'la', in: 'à la', from: 'de la'})
    expect(() => parseVocabulary('BCE ; x ; s\n', 'v.txt')).toThrow(/v\.txt:1/)
  })
  it('silences glued-word alarms for listed names (library)', () => {
    expect(lint(text, {config}).messages.map((message) => message.ruleId)).toEqual(['glued-words'])
    expect(lint(text, {config, vocabulary: parseVocabulary('RTLinfo\n')}).messages).toEqual([])
  })
  it('is found beside the configuration by the CLI, or at the configured path', () => {
    const folder = mkdtempSync(join(tmpdir(), 'coquille-vocabulary-'))
    const bin = join(import.meta.dirname, '..', 'bin', 'coquille.js')
    const run = () => spawnSync(process.execPath, [bin, 'a.txt'], {cwd: folder, encoding: 'utf8'})
    writeFileSync(join(folder, 'a.txt'), text)
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({extends: 'none', rules: {'glued-words': 'error'}}))
    expect(run().status).toBe(1)
    writeFileSync(join(folder, '.coquille-vocabulary.txt'), 'RTLinfo\n')
    expect(run().status).toBe(0)
    writeFileSync(join(folder, '.coquillerc.json'), JSON.stringify({extends: 'none', rules: {'glued-words': 'error'}, vocabulary: 'house/words.txt'}))
    const missing = run()
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('fichier de vocabulaire introuvable')
  })
})

describe('house proper nouns feed the agreement rules', () => {
  const agreement = {extends: 'none', rules: {'proper-noun-article': 'error', 'place-preposition': 'error'}}
  it('a house noun with its gender and article', () => {
    const text = 'Le communiqué de le Coquillarium est paru.\n'
    expect(lint(text, {config: agreement}).messages).toEqual([])
    const vocabulary = parseVocabulary('Coquillarium ; m ; s ; le ; au ; du\n')
    const messages = lint(text, {config: agreement, vocabulary}).messages
    expect(messages.map((message) => [message.actual, message.expected])).toEqual([['de le', ['du']]])
  })

  it('is read from each file: a later lint without it knows nothing of it; a plain unified pipeline gets it as a plugin', () => {
    const text = 'Le communiqué de le Coquillarium est paru.\n'
    const vocabulary = parseVocabulary('Coquillarium ; m ; s ; le ; au ; du\n')
    expect(lint(text, {config: agreement, vocabulary}).messages).toHaveLength(1)
    expect(lint(text, {config: agreement}).messages).toEqual([])
    const file = new VFile(text)
    const withVocabulary = unified().use(retextFrench).use(coquilleVocabulary, vocabulary).use(rules['proper-noun-article'])
    withVocabulary.runSync(withVocabulary.parse(file), file)
    expect(file.messages.map((message) => message.actual)).toEqual(['de le'])
  })
})
