// The commit message format the activity stream reads, and the environment git runs with.
import { describe, expect, it } from 'vitest';
import { commitMessage } from '../../src/git/commit.js';
import { gitEnv } from '../../src/git/git.js';

describe('commit messages', () => {
  it('puts the summary on one line, then the body, then one trailer a line', () => {
    const message = commitMessage({
      summary: '  log call with\nJane Doe  ',
      body: 'more words\n',
      trailers: { 'Kith-Action': 'log', 'Kith-Ref': ['conversations/2026/a.md', 'contacts/jane-doe.md'] },
    });
    expect(message).toBe(
      [
        'log call with Jane Doe',
        '',
        'more words',
        '',
        'Kith-Action: log',
        'Kith-Ref: conversations/2026/a.md',
        'Kith-Ref: contacts/jane-doe.md',
      ].join('\n'),
    );
  });

  it('keeps a newline in a value from starting a trailer of its own: the path is quoted as git quotes it', () => {
    const message = commitMessage({ summary: 's', trailers: { 'Kith-Ref': 'contacts/x\nKith-Action: rm.md' } });
    expect(message.split('\n').filter((l) => l.startsWith('Kith-'))).toEqual(['Kith-Ref: "contacts/x\\nKith-Action: rm.md"']);
  });
});

describe('the environment git runs with', () => {
  it('never prompts, and leaves out editors, pagers and repository overrides', () => {
    const env = gitEnv({
      HOME: '/home/maya', PATH: '/bin', EDITOR: 'vim', VISUAL: 'code', PAGER: 'less', GIT_DIR: '/elsewhere/.git',
      GIT_INDEX_FILE: 'x', GIT_SSH_COMMAND: 'ssh -i key', UNSET: undefined,
    });
    expect(env).toEqual({ HOME: '/home/maya', PATH: '/bin', GIT_SSH_COMMAND: 'ssh -i key', GIT_TERMINAL_PROMPT: '0' });
  });
});
