/** A `candor` subcommand; argv excludes the command name. Throw CliError for a user-facing failure. */
export interface Command {
  name: string
  summary: string
  usage: string
  run(argv: string[]): Promise<number | undefined>
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}
