/**
 * First names and their gender (first-names-lefff.txt, generated from the Lefff by
 * scripts/build-first-names.ts), and the person nouns of either gender (the first section
 * of epicene-nouns.txt: "ministre", "politologue", "juge"): what `determiner-agreement`
 * needs to read "la politologue Gilles Kepel". Loaded on first use and kept for the process.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {dataFolder} from './lists.js'

let genders: ReadonlyMap<string, 'm' | 'f'> | undefined
let persons: ReadonlySet<string> | undefined

/** The gender of a first name as written ("Gilles" → m, "Anne" → f); undefined for names of both sexes and unknown words. */
export function firstNameGender(word: string): 'm' | 'f' | undefined {
  if (!genders) {
    const map = new Map<string, 'm' | 'f'>()
    for (const line of readFileSync(join(dataFolder, 'first-names-lefff.txt'), 'utf8').split('\n')) {
      if (line === '' || line.startsWith('#')) continue
      const [gender, ...names] = line.split(' ')
      if (gender !== 'm' && gender !== 'f') throw new Error(`coquille: bad line in first-names-lefff.txt: "${line.slice(0, 20)}"`)
      for (const name of names) map.set(name, gender)
    }
    genders = map
  }
  return genders.get(word)
}

/** Endings of nouns of persons that are the same in both genders: "politologue", "journaliste", "fonctionnaire", "photographe", "psychiatre", "athlète". */
const personEndings = /(?:logue|iste|aire|graphe|iatre|crate|naute|phile|ète)$/

/**
 * Whether the noun names a person of either gender ("ministre", "juge"; the "Persons"
 * section of epicene-nouns.txt), or ends like such nouns ("politologue", "journaliste").
 * The caller checks that the noun is of either gender.
 */
export function isPersonNounOfEitherGender(word: string): boolean {
  if (personEndings.test(word)) return true
  if (!persons) {
    const set = new Set<string>()
    let inPersons = false
    for (const line of readFileSync(join(dataFolder, 'epicene-nouns.txt'), 'utf8').split('\n')) {
      const entry = line.trim()
      if (entry.startsWith('# Persons')) inPersons = true
      else if (entry.startsWith('# ') && !entry.startsWith('# (') && inPersons && /^# \p{Lu}/u.test(entry)) inPersons = false
      else if (inPersons && entry !== '' && !entry.startsWith('#')) set.add(entry)
    }
    persons = set
  }
  return persons.has(word)
}
