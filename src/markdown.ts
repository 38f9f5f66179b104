// Text from a host or a Report written into Markdown (the job summary, the
// fleet table): one set of rules, so no page escapes it differently. Such
// text comes from other machines and is treated as hostile: it may add no
// markup, link, HTML, table cell or line of its own.

/**
 * Text as one line: no control characters (newlines would end the table
 * row or the list item, escapes would drive a terminal) and no invisible or
 * direction-changing characters (which make text read as other text).
 */
export function oneLine(v: string): string {
  return v.replace(
    // Control characters are exactly what this removes.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]+/g,
    ' ',
  )
}

/**
 * Text as literal Markdown, in prose or a table cell: it can add no cell
 * (`|`), no HTML (`<`, entities), no link, image, code, heading or emphasis
 * (backslash escapes, CommonMark's way to make punctuation literal), and no
 * autolink (GFM links bare `www.`, `scheme://` and e-mail addresses).
 */
export function markdownText(v: string): string {
  return oneLine(v)
    .replace(/[\\`*_[\]|~!#]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
}

/** The longest run of backticks in the text (0 for none). */
function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length))
}

/**
 * Text as a code span: a fence longer than any run of backticks inside, so
 * the text cannot close it, and `|` escaped, which GFM tables need even in
 * code. Inside a code span nothing is markup: no link, autolink or HTML.
 */
export function codeSpan(v: string): string {
  const text = oneLine(v).replace(/\|/g, '\\|')
  const fence = '`'.repeat(longestBacktickRun(text) + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/**
 * Text (many lines) as a fenced code block: a fence of at least three
 * backticks and longer than any run inside, so no line of the text can
 * close the block and turn the rest into markup.
 */
export function codeBlock(text: string, info = ''): string[] {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1))
  return [`${fence}${info}`, text, fence]
}
