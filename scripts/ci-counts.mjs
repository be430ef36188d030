// Reads vitest's JSON report and prints the one line CI reads: "N passed, N failed".
// A suite that failed without a failing test (its beforeAll threw, an import broke) counts as a
// failure, so does an unhandled error, and under CI=true so does every skipped or todo test.
import { existsSync, readFileSync } from 'node:fs'

const [reportPath, exitCodeText] = process.argv.slice(2)
const exitCode = Number(exitCodeText ?? 0)
if (!reportPath || !existsSync(reportPath)) {
  console.log('ci: vitest wrote no report (it crashed or was stopped)')
  console.log('0 passed, 1 failed')
  process.exit(1)
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'))
const suites = report.testResults ?? []
const brokenSuites = suites.filter(
  (s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'),
)
for (const s of brokenSuites) console.log(`ci: suite failed outside its tests: ${s.name}\n  ${s.message ?? ''}`)
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
const skippedCount = process.env.CI === 'true' ? skipped : 0
if (skipped) {
  const names = suites.flatMap((s) =>
    (s.assertionResults ?? [])
      .filter((a) => a.status === 'pending' || a.status === 'todo' || a.status === 'skipped')
      .map((a) => `${s.name}: ${a.fullName}`),
  )
  console.log(`ci: ${skipped} skipped${skippedCount ? ' (a failure under CI)' : ''}:\n  ${names.join('\n  ')}`)
}
// vitest exits non-zero for unhandled errors even when every test passed.
const unexplained = exitCode !== 0 && report.numFailedTests === 0 && brokenSuites.length === 0 ? 1 : 0
if (unexplained) console.log(`ci: vitest exited ${exitCode} with no failing test (an unhandled error or a timeout)`)
const failed = report.numFailedTests + brokenSuites.length + skippedCount + unexplained
console.log(`${report.numPassedTests} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
