/**
 * The bundle hands vfile-reporter a faster string width (src/report/string-width.ts): it
 * must give exactly what vfile-reporter's own string-width gives, so the stylish report is
 * the same byte for byte.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import {renderReport} from '../src/report/index.js'
import {fastStringWidthOver} from '../src/report/string-width.js'

const require = createRequire(import.meta.url)
const reporterStringWidth = createRequire(require.resolve('vfile-reporter')).resolve('string-width')
const {default: stringWidth} = (await import(pathToFileURL(reporterStringWidth).href)) as {default: (text: string) => number}
// As in the bundle: over vfile-reporter's own string-width.
const fastStringWidth = fastStringWidthOver(stringWidth)

describe('the fast string width of the stylish report', () => {
  it('gives what vfile-reporter’s string-width gives, character by character', () => {
    const differences: string[] = []
    for (let code = 0; code <= 0x2fff; code++) {
      const character = String.fromCharCode(code)
      if (fastStringWidth(character) !== stringWidth(character)) differences.push(`U+${code.toString(16)}`)
    }
    expect(differences).toEqual([])
  })

  it('and on report text, colours, emoji, combining accents and wide characters', () => {
    const samples = [
      '',
      '3:1179-3:1187',
      'Deux mots collés : « secret » et « Si ». → « secret Si » ou « secret. Si »',
      'Il manque une espace insécable avant « ; » — voir l’article 3, p. 12… → €',
      'Œuvre, cœur, Ætna, naïve, Noël, ÇA',
      '\u001B[31merror\u001B[39m',
      'Bravo 👩‍👩‍👧 !',
      'e\u0301te\u0301',
      '東京 タワー',
      'soft\u00ADhyphen © ® ™ ↔',
      'tab\there',
    ]
    for (const sample of samples) expect(fastStringWidth(sample), JSON.stringify(sample)).toBe(stringWidth(sample))
  })

  it('the command (bundled) prints the same stylish report as the library', () => {
    const folder = mkdtempSync(join(tmpdir(), 'coquille-width-'))
    const text = 'Titre\n\nLors de sa visite à RussieLa ministre a vu le le chat… « Œuvre » — fin.\n'
    writeFileSync(join(folder, 'a.txt'), text)
    const bin = join(import.meta.dirname, '..', 'bin', 'coquille.js')
    const result = spawnSync(process.execPath, [bin, '--no-color', 'a.txt'], {cwd: folder, encoding: 'utf8'})
    const {file} = lint(text, {path: join(folder, 'a.txt')})
    file.path = 'a.txt'
    expect(result.stderr).toBe(renderReport([file], 'stylish', {color: false}) + '\n')
  })
})
