import { forEachDatabase } from '../support/databases.js'
import { outageSuite } from './every-kind-outage-suite.js'

forEachDatabase(outageSuite, ['pglite'])
