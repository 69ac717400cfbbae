// The new text of a message: quoted replies and signatures trimmed. Pure string functions.

// Where the quoted part of a reply starts, in the languages our customers write.
const QUOTE_HEADERS = [
  /^On .{3,200}wrote:\s*$/, // Gmail, Apple Mail
  /^Le .{3,200}a écrit\s*:\s*$/, // French
  /^Am .{3,200}schrieb .{0,100}:\s*$/, // German
  /^El .{3,200}escribió:\s*$/, // Spanish
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i, // Outlook
  /^-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook's rule before From:/Sent:
];

// Outlook's quoted header block, in the languages it is localised to: "From:" then "Sent:"
const BLOCK_FROM = /^(From|De|Von|Van|Da|Från|Fra) ?: /;
const BLOCK_SENT = /^(Sent|Date|Envoyé|Gesendet|Verzonden|Inviato|Skickat|Sendt) ?: /;

function isQuoteStart(lines: readonly string[], i: number): boolean {
  const line = lines[i]!.trim();
  if (BLOCK_FROM.test(line)) {
    // only a block of From:/Sent:/To:/Subject: lines starts a quote, not a sentence
    return lines.slice(i + 1, i + 5).some((l) => BLOCK_SENT.test(l.trim()));
  }
  // "On Tue, 17 Nov 2026, Jane Doe <jane@acme.example>" wraps onto two lines
  if (/^On .{3,200}$/.test(line) && /wrote:\s*$/.test(lines[i + 1]?.trim() ?? '') && !/wrote:\s*$/.test(line))
    return true;
  return QUOTE_HEADERS.some((re) => re.test(line));
}

/** The new text of a message: up to the quoted reply, without the signature. */
export function trimReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (isQuoteStart(lines, i)) {
      end = i;
      break;
    }
  }
  let kept = lines.slice(0, end);
  // quoted lines (">") that remain are interleaved quotes: drop them, keep the answers
  kept = kept.filter((l) => !/^\s*>/.test(l));
  const sig = kept.findIndex((l) => l === '-- ' || l === '--');
  if (sig >= 0) kept = kept.slice(0, sig);
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
