// The annotate command through the built CLI: mentions with string offsets
// into the document's text (HTML reduced to text first), and candidates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { htmlToText } from '../../src/core/annotate/html.ts';
import { documentText } from '../../src/core/annotate/document.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/actorgraph.mjs');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'actorgraph-annotate-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Out {
  mentions: { entity: string; label: string; mention: string; start: number; end: number; candidates?: unknown[] }[];
  candidates: { text: string; type: string; start: number; end: number }[];
}

describe('cli annotate', () => {
  it('prints the mentions of known entities with offsets into the text, and candidates for new ones', () => {
    const text =
      '🛰️ Al-Monitor — The U.S. struck Kataïb Hezbollah near Abu Kamal; Iran-backed fighters and Iranian officials. Reporter Maria Gonzalez wrote from Madrid.\n';
    const file = join(dir, 'report.txt');
    writeFileSync(file, text);
    const r = cli('annotate', file, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    for (const m of out.mentions) expect(text.slice(m.start, m.end)).toBe(m.mention);
    const ids = out.mentions.map((m) => m.entity);
    expect(ids).toEqual(expect.arrayContaining(['united-states', 'kataib-hezbollah', 'albukamal', 'iran']));
    expect(out.mentions.find((m) => m.entity === 'iran')!.mention).toBe('Iran');
    expect(out.mentions.some((m) => m.mention === 'Iranian')).toBe(false);
    for (const c of out.candidates) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(out.candidates.find((c) => c.text === 'Maria Gonzalez')?.type).toBe('person');
  });

  it('reads HTML as its text, and says so plainly when the file is missing', () => {
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      '<html><head><style>p{}</style><script>var Pentagon=1</script></head><body><p>Pentagon spokesman <b>John Kirby</b> said &amp; left.</p></body></html>',
    );
    const out = JSON.parse(cli('annotate', file, '--json').stdout) as Out;
    expect(out.mentions.map((m) => [m.entity, m.start])).toEqual([
      ['pentagon', 0],
      ['john-kirby', 19],
    ]);
    const text = cli('annotate', file);
    expect(text.stdout).toMatch(/"John Kirby" → John Kirby \(john-kirby\)/);
    const missing = cli('annotate', join(dir, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });
});

describe('HTML to text', () => {
  it('drops markup, scripts and comments, decodes entities and keeps blocks on lines', () => {
    expect(htmlToText('<p>a &lt;b&gt; &#x1F600; &eacute;</p><!-- x --><script>evil()</script><div>c<br>d</div>')).toBe(
      'a <b> 😀 é\n\nc\nd',
    );
    expect(htmlToText('<img src=x onerror="alert(1)">text<a href=\'>\'>link</a>')).toBe('textlink');
    expect(documentText('notes.md', '\uFEFF# Title\r\nbody')).toBe('# Title\nbody');
  });
});
