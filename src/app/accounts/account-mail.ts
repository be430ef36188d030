import { renderMarkdown } from '../../text/render-markdown.js'
import { markdownToPlainText } from '../../text/plain-text.js'
import { messagesStore } from '../../store/messages-store.js'
import type { Executor } from '../../store/schema/index.js'

/**
 * Mail about accounts is written as Markdown once and sent as text and sanitised HTML.
 * Names in it (organisation, inviter) are user input, so they are escaped as Markdown text.
 */
export interface AccountMail {
  purpose: 'invitation' | 'sign-in-link'
  orgId: string | null
  to: string
  subject: string
  markdown: string
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, (c) => `\\${c}`).replace(/\s+/g, ' ')
}

export function invitationMail(input: {
  to: string
  orgId: string
  orgName: string
  inviterName: string
  role: string
  url: string
  expiresAt: Date
}): AccountMail {
  const org = escapeMarkdown(input.orgName)
  return {
    purpose: 'invitation',
    orgId: input.orgId,
    to: input.to,
    subject: `You are invited to ${input.orgName.replace(/[\r\n]+/g, ' ').slice(0, 150)} on Candor`,
    markdown: [
      `${escapeMarkdown(input.inviterName)} invited you to join **${org}** on Candor as ${input.role}.`,
      `[Accept the invitation](${input.url})`,
      `Or open this link: ${input.url}`,
      `The link works once and until ${input.expiresAt.toISOString()}. If you did not expect it, ignore this email.`,
    ].join('\n\n'),
  }
}

export function signInLinkMail(input: { to: string; url: string; expiresAt: Date }): AccountMail {
  return {
    purpose: 'sign-in-link',
    orgId: null,
    to: input.to,
    subject: 'Your Candor sign-in link',
    markdown: [
      'Someone (we hope you) asked for a link to sign in to Candor.',
      `[Sign in](${input.url})`,
      `Or open this link: ${input.url}`,
      `The link works once and until ${input.expiresAt.toISOString()}. ` +
        `If you did not ask for it, ignore this email: nobody can use it without your inbox.`,
    ].join('\n\n'),
  }
}

/** Queues the mail in the outbox, in the caller's transaction when `db` is one. */
export async function enqueueAccountMail(db: Executor, mail: AccountMail, now: Date) {
  await messagesStore(db, mail.orgId).enqueue(
    [
      {
        kind: 'account_mail',
        channel: 'email',
        address: mail.to,
        content: {
          purpose: mail.purpose,
          subject: mail.subject,
          text: markdownToPlainText(mail.markdown),
          html: renderMarkdown(mail.markdown),
        },
        dueAt: now,
      },
    ],
    now,
  )
}
