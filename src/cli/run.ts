import { AppError } from '../domain/app-error.js'
import { ConfigError } from '../config.js'
import { DatabaseOpenError } from '../store/database.js'
import { CliError } from './command.js'
import { commands } from './commands/index.js'

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Usage: candor <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n')
}

/** Expected failures are one clear line and exit 1; only a real bug prints a stack. */
async function main(argv: readonly string[]): Promise<number> {
  const [name = 'serve', ...rest] = argv
  if (name === 'help' || name === '--help' || name === '-h') {
    console.log(help())
    return 0
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    console.error(`candor: unknown command "${name}"\n\n${help()}`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: ${command.usage}\n\n${command.summary}`)
    return 0
  }
  return (await command.run(rest)) ?? 0
}

/** Runs one `candor` command in this process and sets the exit code. */
export function runCli(argv: readonly string[]): Promise<void> {
  return main(argv).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      if (error instanceof ConfigError) console.error(`candor: ${error.message}`)
      else if (error instanceof DatabaseOpenError || error instanceof CliError)
        console.error(`candor: ${error.message}`)
      else if (error instanceof AppError)
        console.error(
          `candor: ${error.message}` +
            `${error.details.map((d) => `\n  - ${d.path ? `${d.path}: ` : ''}${d.message}`).join('')}`,
        )
      else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE')
        console.error(`candor: the port is already in use (${(error as Error).message}); set PORT to another one`)
      else if ((error as NodeJS.ErrnoException)?.code === 'EACCES')
        console.error(`candor: permission denied: ${(error as Error).message}`)
      else console.error(error)
      process.exitCode = error instanceof CliError ? error.exitCode : 1
    },
  )
}
