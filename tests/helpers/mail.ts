// Builds mail for tests and benchmarks: messages between us and Acme, threaded as replies.
function message(i: number, opts: { threads?: number } = {}): string {
  const threads = opts.threads ?? 50;
  const thread = i % threads;
  const fromUs = i % 3 === 0;
  const day = String(1 + (i % 27)).padStart(2, '0');
  const from = fromUs ? 'Maya Lindqvist <maya@northwind.example>' : `Person ${thread} <person${thread}@acme.example>`;
  const to = fromUs ? `person${thread}@acme.example` : 'maya@northwind.example';
  const refs = i >= threads ? `References: <t${thread}-0@acme.example>\nIn-Reply-To: <t${thread}-${i - threads}@acme.example>\n` : '';
  return `From: ${from}\nTo: ${to}\nSubject: ${i >= threads ? 'Re: ' : ''}Topic ${thread}\nDate: Tue, ${day} Oct 2026 10:${String(i % 60).padStart(2, '0')}:00 +0200\nMessage-ID: <t${thread}-${i}@acme.example>\n${refs}Content-Type: text/plain; charset=utf-8\n\nMessage number ${i} in thread ${thread}.\nFrom the start of this line we speak of things.\n\nOn Mon, someone wrote:\n> quoted text\n`;
}

/** An mbox of n messages; "From " lines in bodies are escaped as mboxrd does. */
export function mbox(n: number, opts: { threads?: number; crlf?: boolean } = {}): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const body = message(i, opts).replace(/^(>*From )/gm, '>$1');
    out += `From MAILER-DAEMON Tue Oct 20 10:00:00 2026\n${body}\n`;
  }
  return opts.crlf ? out.replace(/\n/g, '\r\n') : out;
}
