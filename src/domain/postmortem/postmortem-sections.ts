/**
 * A postmortem in the seeds' shape (the Zendesk seed's "post-incident summary": scope, impact,
 * timeline, root cause, resolution and planned improvements), in two versions: the internal one
 * the business manager writes with the confirmed facts, and the public one the incident manager
 * makes from it for customers.
 */
export const postmortemSections = ['scope', 'impact', 'timeline', 'root_cause', 'resolution', 'improvements'] as const
export type PostmortemSection = (typeof postmortemSections)[number]

/** Each section is Markdown; empty means not written yet. */
export type PostmortemSections = Record<PostmortemSection, string>

export const postmortemVersions = ['internal', 'public'] as const
export type PostmortemVersion = (typeof postmortemVersions)[number]

export const postmortemSectionNames: Record<PostmortemSection, string> = {
  scope: 'Scope',
  impact: 'Impact',
  timeline: 'Timeline',
  root_cause: 'Root cause',
  resolution: 'Resolution',
  improvements: 'Planned improvements',
}

/** Longest section we keep: a long timeline fits, a pasted log file does not. */
export const maxSectionChars = 50_000

export function emptySections(): PostmortemSections {
  return { scope: '', impact: '', timeline: '', root_cause: '', resolution: '', improvements: '' }
}

/** Sections with nothing but whitespace, in the template's order. */
export function missingSections(sections: PostmortemSections): PostmortemSection[] {
  return postmortemSections.filter((s) => sections[s].trim() === '')
}

/** The whole version as one Markdown document: a heading per written section, in order. */
export function postmortemMarkdown(
  sections: PostmortemSections,
  headings: Record<PostmortemSection, string> = postmortemSectionNames,
  title?: string,
): string {
  const parts = title ? [`# ${title}`] : []
  for (const s of postmortemSections) {
    const text = sections[s].trim()
    if (text !== '') parts.push(`## ${headings[s]}\n\n${text}`)
  }
  return `${parts.join('\n\n')}\n`
}
