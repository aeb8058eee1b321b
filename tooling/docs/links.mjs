// The broken-link check of the docs: every relative link of the repository's Markdown
// (READMEs, docs/, guides) and of the generated API reference must name a file that exists
// and, with `#anchor`, a heading or id in it. Links with a scheme (https:, mailto:) are not
// followed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const hasScheme = (target) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The Markdown without its fenced code blocks. */
const withoutFences = (markdown) => markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');

/** Text outside fenced code blocks and inline code, where links are links. */
const prose = (markdown) => withoutFences(markdown).replace(/`[^`\n]*`/g, '');

/** The anchors a Markdown file defines: its headings' slugs (GitHub numbers repeats) and explicit ids. */
export function markdownAnchors(markdown) {
  const anchors = new Set();
  const seen = new Map();
  for (const [, heading] of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = headingSlug(heading.replace(/`/g, ''));
    const n = seen.get(slug) ?? 0;
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
    seen.set(slug, n + 1);
  }
  for (const [, id] of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id);
  return anchors;
}

/** `[text](target)` targets of a Markdown file (headings read from the raw text, links from prose). */
export function markdownLinks(markdown) {
  return [...prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/** The Markdown files of the repository (tracked or new, not ignored; the generated API reference excluded). */
export function repositoryMarkdown() {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '*.md'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(out.split('\0').filter((p) => p.length > 0 && existsSync(join(ROOT, p))))].sort();
}

function anchorsOf(file, cache) {
  if (!cache.has(file)) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.md')) cache.set(file, markdownAnchors(text));
    else if (file.endsWith('.html')) cache.set(file, new Set([...text.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1])));
    else cache.set(file, undefined);
  }
  return cache.get(file);
}

/** Problems with one link `target` written in `from` (an absolute path inside `root`), or []. */
function checkLink(root, from, target, cache) {
  if (hasScheme(target)) return [];
  const [path, anchor] = target.split('#', 2);
  const file = path === '' ? from : resolve(dirname(from), decodeURIComponent(path.split('?')[0]));
  const where = relative(root, from);
  if (relative(root, file).startsWith('..')) return [`${where}: ${target} leaves ${root === ROOT ? 'the repository' : root}`];
  if (!existsSync(file)) return [`${where}: ${target} does not exist`];
  if (anchor === undefined || anchor === '' || statSync(file).isDirectory()) return [];
  const anchors = anchorsOf(file, cache);
  if (anchors !== undefined && !anchors.has(decodeURIComponent(anchor))) return [`${where}: ${target} — no anchor #${anchor} in ${relative(root, file)}`];
  return [];
}

/** Broken links of the given Markdown files (paths relative to `root`, the repository by default). */
export function checkMarkdownLinks(files = repositoryMarkdown(), root = ROOT) {
  const cache = new Map();
  return files.flatMap((path) => {
    const from = join(root, path);
    return markdownLinks(readFileSync(from, 'utf8')).flatMap((target) => checkLink(root, from, target, cache));
  });
}

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(path);
    return e.name.endsWith('.html') ? [path] : [];
  });
}

/** Broken `href`/`src` links of a generated HTML site (the API reference). */
export function checkHtmlLinks(dir) {
  dir = resolve(dir);
  const cache = new Map();
  return htmlFiles(dir).flatMap((from) => {
    const html = readFileSync(from, 'utf8');
    const targets = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    return targets.flatMap((target) => checkLink(dir, from, target, cache));
  });
}
