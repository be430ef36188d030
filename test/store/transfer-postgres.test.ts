import { forEachDatabase } from '../support/databases.js'
import { transferSuite } from './transfer-suite.js'

forEachDatabase(transferSuite, ['postgres'])
