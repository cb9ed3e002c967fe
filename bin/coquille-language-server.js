#!/usr/bin/env node
// Entry point of `coquille-language-server --stdio` (compiled TypeScript lives in dist/).
import {main} from '../dist/src/server/server.js'

main()
