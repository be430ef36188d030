import { forEachDatabase } from '../support/databases.js'
import { crashSuite } from './every-kind-crash-suite.js'

forEachDatabase(crashSuite, ['pglite'])
