/** `coquille vocabulary`: an archive in, a vocabulary file to review out. */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {parseVocabulary} from '../src/index.js'

const bin = join(import.meta.dirname, '..', 'bin', 'coquille.js')
let folder: string
const run = (args: string[]) => spawnSync(process.execPath, [bin, 'vocabulary', ...args], {cwd: folder, encoding: 'utf8'})

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'coquille-vocabulary-command-'))
  writeFileSync(join(folder, 'a.txt'), 'La société Zorglabs a présenté son robot. Le minsitre était là.\n')
  writeFileSync(join(folder, 'b.md'), '# Zorglabs recrute\n\nLes ingénieurs de Zorglabs et le gadget glimmotron, selon the company.\n')
  writeFileSync(join(folder, 'c.txt'), 'Un glimmotron coûte cher ; Zorglabs le vend.\n')
})

describe('coquille vocabulary', () => {
  it('proposes the unknown words seen in enough articles, with counts and an example', () => {
    const result = run(['.', '--min-articles', '2'])
    expect(result.status).toBe(0)
    // A typo made once ("minsitre"), English words and known words are not proposed.
    expect([...parseVocabulary(result.stdout).words]).toEqual(['Zorglabs', 'glimmotron'])
    expect(result.stdout).toMatch(/# 3 articles, 4 fois ; a\.txt : « La société Zorglabs a présenté/)
  })
  it('leaves out words the house vocabulary already accepts, and honours --min-articles', () => {
    writeFileSync(join(folder, '.coquille-vocabulary.txt'), 'Zorglabs\n')
    expect([...parseVocabulary(run(['.', '--min-articles', '2']).stdout).words]).toEqual(['glimmotron'])
    expect([...parseVocabulary(run(['.']).stdout).words]).toEqual([])
  })
  it('writes the proposal to a file with --output', () => {
    const result = run(['.', '--min-articles', '2', '-o', 'proposed.txt'])
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/2 mots proposés d’après 3 articles/)
    expect(parseVocabulary(readFileSync(join(folder, 'proposed.txt'), 'utf8')).words.has('Zorglabs')).toBe(true)
  })
  it('says in one line what is wrong with its arguments', () => {
    expect(run([]).stderr).toMatch(/^coquille vocabulary: aucun article donné/)
    expect(run(['.', '--min-articles', 'zero']).status).toBe(2)
    expect(run(['missing-folder']).status).toBe(2)
    writeFileSync(join(folder, 'binary.txt'), Buffer.from([0, 1, 2]))
    const result = run(['binary.txt', 'a.txt'])
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/binary\.txt: Fichier binaire/)
  })
  it('names a file with control characters inertly', () => {
    const result = run(['\u001b[31mrouge.txt'])
    expect(result.status).toBe(2)
    expect(result.stderr).not.toContain('\u001b')
    expect(result.stderr).toContain('\\x1b[31mrouge.txt')
  })
})
