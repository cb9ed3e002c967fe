/** splitElision is lexical knowledge and lives in src/lexicon/elision.ts; kept here for the rules' imports. */
export {splitElision, type ElisionParts} from '../lexicon/elision.js'
