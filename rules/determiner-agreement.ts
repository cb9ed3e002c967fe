/**
 * ## determiner-agreement
 *
 * Flags a determiner that disagrees with the common noun after it: "Ce ratification" →
 * "Cette ratification", "une accord" → "un accord", "la marché" → "le marché", "ma amie"
 * → "mon amie", "ce homme" → "cet homme", "cet garçon" → "ce garçon", and a singular
 * determiner before a plural-only form ("cette années" → "ces années", a suggestion: the
 * noun may be the slip).
 *
 * Genders come from the noun lexicon (Lefff). Precision first — a false gender is worse
 * than a miss — so nothing is said when the next word:
 * - is unknown, of both genders ("élève", "tour", "ministre"), or also an adjective that
 *   may come before the noun ("la vaste plaine", "le même");
 * - starts with a capital inside a sentence (brands and names: "la Golf", "une Alfa");
 * - may be a verb after a clitic pronoun: "le"/"la" after a subject pronoun, a name, "ne",
 *   "qui", "que", an adverb or a preposition before an infinitive ("il la montre", "pour la
 *   sortir", "un Boeing le force"), or looks like an infinitive;
 * - is a modifier of a noun that agrees with the determiner ("la rock star");
 * - follows a determiner, for "mon", "ton", "son" ("le ton", "le son"), or is "est",
 *   "sont"… after "quel"/"quelle" (a question);
 * - or the determiner is a name's ("La Haye").
 * "le"/"la" before a vowel sound is the `elision` rule's concern.
 *
 * The fix changes the determiner only, keeping its case. Fix: safe for gender, suggestion
 * for number.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Cette ratification et cet accord ; mon amie, ce héros et cet homme.
 *   Il la montre, pour la sortir ; la ministre et le ministre ; la vaste plaine.
 *   Il conduit la Golf de son frère ; la plupart des élus ; ce que dit le texte.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Ce ratification par le Parlement intervient demain.
 *   Le maire a visité une entrepôt et la marché couvert.
 *   Ce homme a salué ma école.
 *   Elle a travaillé cette années pour cet garçon.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:1-1:3 "Ce" → "Cette" [safe]: « ratification » est féminin : Cette ratification.
 *   2:19-2:22 "une" → "un" [safe]: « entrepôt » est masculin : un entrepôt.
 *   2:35-2:37 "la" → "le" [safe]: « marché » est masculin : le marché.
 *   3:1-3:3 "Ce" → "Cet" [safe]: Devant une voyelle, « ce » devient « cet » : Cet homme.
 *   3:18-3:20 "ma" → "mon" [safe]: Devant une voyelle, « ma » devient « mon » : mon école.
 *   4:18-4:23 "cette" → "ces" [suggestion]: « années » est au pluriel : ces années (ou le nom au singulier).
 *   4:36-4:39 "cet" → "ce" [safe]: « cet » ne s’emploie que devant une voyelle : ce garçon.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Cette ratification par le Parlement intervient demain.
 *   Le maire a visité un entrepôt et le marché couvert.
 *   Cet homme a salué mon école.
 *   Elle a travaillé cette années pour ce garçon.
 */
import {determinerInfo, nounInfo, startsWithVowelSound, type DeterminerInfo} from '../src/lexicon/nouns.js'
import type {DocumentIndex} from '../src/parse/document.js'
import {defineRule} from '../src/rules/kit.js'

/** Determiners of one kind, by gender: [masculine, masculine before a vowel, feminine]. */
const pairs: Record<string, readonly [string, string, string]> = {
  ce: ['ce', 'cet', 'cette'],
  cet: ['ce', 'cet', 'cette'],
  cette: ['ce', 'cet', 'cette'],
  un: ['un', 'un', 'une'],
  une: ['un', 'un', 'une'],
  le: ['le', 'l’', 'la'],
  la: ['le', 'l’', 'la'],
  mon: ['mon', 'mon', 'ma'],
  ma: ['mon', 'mon', 'ma'],
  ton: ['ton', 'ton', 'ta'],
  ta: ['ton', 'ton', 'ta'],
  son: ['son', 'son', 'sa'],
  sa: ['son', 'son', 'sa'],
  quel: ['quel', 'quel', 'quelle'],
  quelle: ['quel', 'quel', 'quelle'],
  aucun: ['aucun', 'aucun', 'aucune'],
  aucune: ['aucun', 'aucun', 'aucune'],
}
const plurals: Record<string, string> = {ce: 'ces', cet: 'ces', cette: 'ces', un: 'des', une: 'des', le: 'les', la: 'les', mon: 'mes', ma: 'mes', ton: 'tes', ta: 'tes', son: 'ses', sa: 'ses'}

/** After these words, "le"/"la"/"les" may be a pronoun before a verb. */
const cliticContext = new Set([
  'je', 'j’', "j'", 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'ne', 'n’', "n'", 'qui', 'que', 'qu’', "qu'",
  'de', 'd’', "d'", 'pour', 'à', 'sans', 'par', 'me', 'te', 'se', 'lui', 'y', 'en', 'pas', 'jamais', 'faire', 'fait', 'laisser',
  'comme', 'vite', 'bien', 'aussi', 'plus', 'toujours', 'encore', 'déjà', 'alors',
])
const capitalised = /^\p{Lu}/u
const infinitive = /(?:er|ir|re|oir)$/u
/** Forms of "être" and "avoir": "quelle est", "quels sont" are questions, not noun groups. */
const beingOrHaving = new Set(['est', 'sont', 'était', 'étaient', 'sera', 'seront', 'serait', 'seraient', 'fut', 'soit', 'a', 'ont', 'avait'])

function previousWord(index: DocumentIndex, at: number): string | undefined {
  const space = index.tokens[at - 1]
  const word = index.tokens[at - 2]
  if (space?.kind !== 'whitespace' || word?.kind !== 'word' || word.sentence !== index.tokens[at]!.sentence) return undefined
  return word.value.toLowerCase()
}

function keepCase(original: string, replacement: string): string {
  return capitalised.test(original) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement
}

export default defineRule(
  {id: 'determiner-agreement', summary: 'Déterminant qui ne s’accorde pas avec le nom (« Ce ratification »).', fix: 'mixed'},
  ({index, report}) => {
    const tokens = index.tokens
    for (let at = 0; at + 2 < tokens.length; at++) {
      const token = tokens[at]!
      if (token.kind !== 'word') continue
      const lower = token.value.toLowerCase()
      const forms = pairs[lower]
      if (!forms) continue
      const sentenceStart = index.sentences[token.sentence]?.firstToken === at
      // A capitalised determiner inside a sentence belongs to a name ("La Haye", "Le Monde").
      if (token.value !== lower && !sentenceStart) continue
      const space = tokens[at + 1]!
      const noun = tokens[at + 2]!
      if (space.kind !== 'whitespace' || space.value !== ' ' || noun.kind !== 'word' || noun.sentence !== token.sentence) continue
      if (capitalised.test(noun.value) || !/^\p{Ll}[\p{Ll}-]*$/u.test(noun.value)) continue
      const info = nounInfo(noun.value)
      if (!info || info.alsoAdjective) continue
      const before = previousWord(index, at)
      // "le ton", "le son": a noun after a determiner, not a possessive.
      if (before !== undefined && determinerInfo(before) && (lower === 'ton' || lower === 'son' || lower === 'mon')) continue
      if ((lower === 'quel' || lower === 'quelle') && beingOrHaving.has(noun.value)) continue
      if ((lower === 'le' || lower === 'la') && info.alsoVerb) {
        // A clitic pronoun before a verb: "il la montre", "un Boeing le force", "pour la sortir".
        if (cliticContext.has(before ?? '') || infinitive.test(noun.value)) continue
        const previous = tokens[at - 2]
        if (previous?.kind === 'word' && capitalised.test(previous.value) && previous.sentence === token.sentence) continue
        // "comme son nom le laisse entendre": after a noun, the subject of the verb.
        if (before !== undefined && nounInfo(before) && !determinerInfo(before)) continue
      }
      // "la rock star": the word is a modifier of the noun after it, which agrees.
      const following = tokens[at + 4]
      if (tokens[at + 3]?.kind === 'whitespace' && following?.kind === 'word') {
        const next = nounInfo(following.value)
        const gender = determinerInfo(lower)?.gender
        if (next && !next.alsoVerb && next.gender === gender) continue
      }
      const determiner: DeterminerInfo | undefined = determinerInfo(lower)
      if (!determiner) continue
      const vowel = startsWithVowelSound(noun.value)
      if ((lower === 'le' || lower === 'la') && vowel) continue // the elision rule's

      // Gender: a masculine determiner before a feminine noun, or the other way round.
      if (info.gender !== 'both') {
        const wanted = info.gender === 'f' ? (vowel && (lower === 'ma' || lower === 'ta' || lower === 'sa' || lower === 'mon' || lower === 'ton' || lower === 'son') ? forms[1] : forms[2]) : vowel ? forms[1] : forms[0]
        if (wanted !== lower && !(determiner.gender === 'both')) {
          const replacement = keepCase(token.value, wanted)
          const vowelForm = forms[1] !== forms[0]
          const reason =
            (vowelForm && wanted === forms[1]) || (info.gender === 'f' && wanted !== forms[2])
              ? `Devant une voyelle, « ${lower} » devient « ${wanted} » : ${replacement} ${noun.value}.`
              : vowelForm && lower === forms[1] && !vowel && determinerInfo(lower)?.vowelFormOf
                ? `« ${lower} » ne s’emploie que devant une voyelle : ${replacement} ${noun.value}.`
                : `« ${noun.value} » est ${info.gender === 'f' ? 'féminin' : 'masculin'} : ${replacement} ${noun.value}.`
          report(reason, token.start, token.end, {expected: [replacement], safe: !info.alsoVerb})
          at += 2
          continue
        }
      }
      // Number: a singular determiner before a plural-only form ("cette années").
      if (info.number === 'p' && determiner.number === 's' && plurals[lower]) {
        const replacement = keepCase(token.value, plurals[lower]!)
        report(`« ${noun.value} » est au pluriel : ${replacement} ${noun.value} (ou le nom au singulier).`, token.start, token.end, {expected: [replacement], safe: false})
        at += 2
      }
    }
  },
)
