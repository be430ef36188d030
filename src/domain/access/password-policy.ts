/**
 * OWASP ASVS: at least 12 characters, long passphrases allowed, no composition rules, and
 * refuse passwords that are known to be common or that repeat the account's own email.
 */
export const minPasswordLength = 12
export const maxPasswordLength = 1024

// The most used passwords of 12+ characters in public breach corpora; a small list, not a breach check.
const common = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'passwordpassword',
  'password1234',
  'password12345',
  'qwerty123456',
  '111111111111',
  '000000000000',
  'aaaaaaaaaaaa',
  'iloveyou1234',
  'abcdefghijkl',
  'abc123456789',
  'letmein12345',
  'administrator',
  'welcome12345',
  'changeme1234',
  'qwertyuiop12',
  '1q2w3e4r5t6y',
  'trustno1trustno1',
])

export function passwordProblems(password: string, account: { email?: string } = {}): string[] {
  const problems: string[] = []
  const length = [...password].length
  if (length < minPasswordLength) problems.push(`must be at least ${minPasswordLength} characters`)
  if (length > maxPasswordLength) problems.push(`must be at most ${maxPasswordLength} characters`)
  const lower = password.toLowerCase()
  if (common.has(lower) || /^(.)\1+$/.test(password)) problems.push('is too common; choose a longer passphrase')
  const email = account.email?.toLowerCase()
  if (email && (lower === email || lower === email.split('@')[0])) problems.push('must not be your email address')
  return problems
}

/** Emails compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}
