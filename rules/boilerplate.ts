/**
 * ## boilerplate
 *
 * Flags what belongs to the web page, not the article, left in by a scraper: navigation
 * ("PREV …", "NEXT …", "Article suivant"), social calls in French and English ("Suivez-nous
 * sur …", "Follow us on Google News", "Partager sur Facebook"), related links ("À lire
 * aussi : …", "Lire aussi", "Read more"), newsletter and cookie prompts, advertising labels,
 * and the site name glued to the headline (" – LINFO.re", " | Le Monde"); also share
 * calls ("Cet article vous a plu ? Partagez-le !", "Commentaires (12)"), datelines ("Publié
 * le 3 mars 2021 à 10h05 - Mis à jour le …"), copyright lines ("Tous droits réservés ©"),
 * "see also" lines in their many wordings ("À voir aussi :", "Sur le même sujet",
 * "Read more on our website"), outdated-browser notices and cookie or consent prompts
 * ("Gérer mes préférences en matière de cookies", "Tout accepter"). Foreign sentences are
 * `foreign-language`'s.
 *
 * Patterns are data (`src/lexicon/data/boilerplate.json`), each strong or weak. A block
 * matching a strong pattern is deleted by `--fix` with its line break (when the line holds
 * nothing else); a weak one is a suggestion. A headline suffix is flagged only when it names
 * a known medium or looks like a domain ("LINFO.re"); the fix deletes the suffix only.
 * Prose that merely starts like a pattern ("Suivant les recommandations…") is not flagged:
 * patterns are anchored and demand their punctuation.
 *
 * Fix: safe for strong patterns and site names, suggestion for weak patterns.
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Le gouvernement présente son plan – une première depuis 2015
 *
 *   Suivant les recommandations du comité, le ministre a tranché.
 *   Il faut lire aussi les annexes du rapport.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Le gouvernement présente son plan – Le Monde
 *
 *   Le texte a été adopté mardi.
 *   > A lire aussi : Les réactions au plan
 *   Follow us on Google News
 *   PREV Un autre article
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:34-1:45 " – Le Monde" → "" [safe]: Nom du site collé au titre : « Le Monde ».
 *   4:1-5:1 "> A lire aussi : Les réactions au plan\n" → "" [safe]: Résidu de page web (lien connexe) : à supprimer.
 *   5:1-6:1 "Follow us on Google News\n" → "" [safe]: Résidu de page web (réseaux sociaux) : à supprimer.
 *   5:25-6:22 "\nPREV Un autre article" → "" [safe]: Résidu de page web (navigation) : à supprimer.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Le gouvernement présente son plan
 *
 *   Le texte a été adopté mardi.
 *
 * @example
 *   {"name": "ok-2.txt"}
 *
 *   Le rapport publié le 3 mars 2021 a été contesté.
 *   Publié le 3 mars 2021, le rapport a été contesté par les syndicats.
 *   Ses droits sont tous réservés aux héritiers, a rappelé le notaire.
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "input"}
 *
 *   Le port rouvre ses quais
 *   Publié le 3 mars 2021 à 10h05 - Mis à jour le 4 mars 2021 à 8h00
 *   Le port de commerce a rouvert ses quais lundi.
 *   À voir aussi : la carte des ports bretons
 *   Cet article vous a plu ? Partagez-le avec vos proches !
 *   Commentaires (12)
 *   Votre navigateur ne prend pas en charge la lecture de cette vidéo.
 *   Gérer mes préférences en matière de cookies
 *   © Ouest Actu – Tous droits réservés
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "output"}
 *
 *   2:1-3:1 "Publié le 3 mars 2021 à 10h05 - Mis à jour le 4 mars 2021 à 8h00\n" → "" [suggestion]: Résidu de page web (date de publication) : à supprimer.
 *   4:1-5:1 "À voir aussi : la carte des ports bretons\n" → "" [safe]: Résidu de page web (lien connexe) : à supprimer.
 *   5:1-6:1 "Cet article vous a plu ? Partagez-le avec vos proches !\n" → "" [safe]: Résidu de page web (réseaux sociaux) : à supprimer.
 *   6:1-7:1 "Commentaires (12)\n" → "" [safe]: Résidu de page web (réseaux sociaux) : à supprimer.
 *   7:1-8:1 "Votre navigateur ne prend pas en charge la lecture de cette vidéo.\n" → "" [safe]: Résidu de page web (avertissement du navigateur) : à supprimer.
 *   8:1-9:1 "Gérer mes préférences en matière de cookies\n" → "" [safe]: Résidu de page web (cookies) : à supprimer.
 *   8:44-9:36 "\n© Ouest Actu – Tous droits réservés" → "" [safe]: Résidu de page web (mention de copyright) : à supprimer.
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "fixed"}
 *
 *   Le port rouvre ses quais
 *   Publié le 3 mars 2021 à 10h05 - Mis à jour le 4 mars 2021 à 8h00
 *   Le port de commerce a rouvert ses quais lundi.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   # Le plan du gouvernement | LINFO.re
 *
 *   Le texte a été adopté.
 *
 *   Lire aussi : le calendrier
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:26-1:37 " | LINFO.re" → "" [safe]: Nom du site collé au titre : « LINFO.re ».
 *   3:23-5:27 "\n\nLire aussi : le calendrier" → "" [safe]: Résidu de page web (lien connexe) : à supprimer.
 *
 * @example
 *   {"name": "not-ok.md", "label": "fixed"}
 *
 *   # Le plan du gouvernement
 *
 *   Le texte a été adopté.
 *
 */
import {getBoilerplate, normaliseMediaName} from '../src/lexicon/boilerplate.js'
import {blockDeletionRange, blockText} from '../src/rules/blocks.js'
import {defineRule} from '../src/rules/kit.js'

const labels: Record<string, string> = {
  navigation: 'navigation',
  related: 'lien connexe',
  social: 'réseaux sociaux',
  newsletter: 'lettre d’information',
  cookies: 'cookies',
  advertising: 'publicité',
  prompt: 'invitation à cliquer',
  dateline: 'date de publication',
  copyright: 'mention de copyright',
  browser: 'avertissement du navigateur',
}

const suffixSeparators = new Set(['–', '—', '|', '-'])
/** A quoted line's marker ("> A lire aussi"). */
const quoteMarker = /^>[ \t]*/u
/** What ends a sentence, not a title (each one UTF-16 unit). */
const finalPunctuation = '.!?…:;»"”'

/** Whether the text ends with `finalPunctuation`: its last unit read, where a regex anchored at the end scans the whole block. */
function endsWithFinalPunctuation(text: string): boolean {
  return text.length > 0 && finalPunctuation.includes(text[text.length - 1]!)
}
const spaceCharacter = /\s/u

/**
 * " – LINFO.re", " | Le Monde", " - Libération" at the end of a title line: the last
 * separator between spaces, followed by 2 to 40 characters without another separator.
 * A backward scan (an unanchored regex with `\s+` would be quadratic on long lines).
 */
function siteSuffixOf(text: string): {index: number; name: string} | undefined {
  for (let at = text.length - 3; at > 0 && at >= text.length - 44; at--) {
    if (!suffixSeparators.has(text[at]!)) continue
    const suffix = suffixAtSeparator(text, at)
    if (suffix !== null) return suffix
  }
  return undefined
}

/**
 * The site suffix after the separator at `at`, undefined when there is none, or null
 * when the scan goes on (a hyphen inside a name). Apart from the scan of siteSuffixOf,
 * so that V8 optimises that loop once: a rarely taken branch here reoptimises this
 * function only.
 */
function suffixAtSeparator(text: string, at: number): {index: number; name: string} | undefined | null {
  if (!spaceCharacter.test(text[at - 1]!) || !spaceCharacter.test(text[at + 1]!)) {
    if (text[at] === '-') return null // a hyphen inside a name ("Saint-Denis")
    return undefined
  }
  let start = at - 1
  while (start > 0 && spaceCharacter.test(text[start - 1]!)) start--
  const name = text.slice(at + 1).trim()
  if (name.length < 2 || name.length > 40) return undefined
  return {index: start, name}
}
const hostCharacters = /^[\p{L}\d.-]+$/u
const topLevelDomain = /\.(?:re|fr|com|net|org|info|be|ch|ca|tv|io|eu|news|yt|nc|pf|gp|mq)$/iu

/** "LINFO.re", "actu.orange.fr": letters, digits, hyphens and dots, a known top-level domain. */
function isDomainLike(name: string): boolean {
  return hostCharacters.test(name) && topLevelDomain.test(name) && !name.startsWith('.') && !name.includes('..')
}

export default defineRule(
  {id: 'boilerplate', summary: 'Résidu de page web : navigation, réseaux sociaux, « À lire aussi », nom du site.', fix: 'mixed'},
  ({index, report}) => {
    const boilerplate = getBoilerplate()
    const media = boilerplate.media
    const source = index.source
    for (const block of index.blocks) {
      // A quoted line ("> A lire aussi : …" in plain text) is judged without its marker.
      const trimmed = blockText(index, block).trim()
      const text = trimmed.charCodeAt(0) === 0x3e ? trimmed.replace(quoteMarker, '') : trimmed
      const pattern = boilerplate.lineMatching(text)
      if (pattern) {
        const range = blockDeletionRange(index, block)
        report(`Résidu de page web (${labels[pattern.label] ?? pattern.label}) : à supprimer.`, range.start, range.end, {
          expected: [''],
          safe: pattern.strength === 'strong' && range.wholeLines,
          wholeLines: range.wholeLines,
        })
        continue
      }
      // Site names are glued to titles: the headline, headings, and short lines without final punctuation.
      const titleLike = block.kind === 'heading' || block.kind === 'title' || (index.format === 'txt' && !endsWithFinalPunctuation(text))
      if (!titleLike) continue
      const blockSource = source.slice(block.start, block.end)
      const suffix = siteSuffixOf(blockSource)
      if (!suffix) continue
      const name = suffix.name
      if (!media.has(normaliseMediaName(name)) && !isDomainLike(name)) continue
      const start = block.start + suffix.index
      report(`Nom du site collé au titre : « ${name} ».`, start, block.end, {expected: [''], safe: true})
    }
  },
)
