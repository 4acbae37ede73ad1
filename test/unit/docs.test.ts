/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code that reads the documents, not shipped */
/**
 * The README and docs/: every relative link leads to a file that exists, every `#anchor` to a
 * heading or `<a id>` of its target (GitHub's heading slugs), and the README stays a page for users:
 * at most 300 lines, no line over 200 characters outside a table.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { withModule } from '../harness/nodeScripts';
import { REPO_ROOT } from '../harness/packageEntries';

const README_MAX_LINES = 300;
const README_MAX_LINE = 200;

/** The lines of a Markdown text outside fenced code blocks, with their numbers. */
function proseLines(text: string): Array<{ line: number; text: string }> {
	const out: Array<{ line: number; text: string }> = [];
	let fenced = false;
	text.split('\n').forEach((l, i) => {
		if (/^\s*```/.test(l)) {
			fenced = !fenced;
			return;
		}
		if (!fenced) out.push({ line: i + 1, text: l });
	});
	return out;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as `-`, repeats numbered. */
export function headingSlug(heading: string, seen: Map<string, number>): string {
	const base = heading
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
		.replace(/\s/g, '-');
	const n = seen.get(base) ?? 0;
	seen.set(base, n + 1);
	return n === 0 ? base : `${base}-${n}`;
}

/** Every anchor a Markdown text offers: its headings' slugs and its `<a id>` / `<a name>`. */
export function anchorsOf(text: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const { text: l } of proseLines(text)) {
		const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(l);
		if (heading) anchors.add(headingSlug(heading[1], seen));
		for (const m of l.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
	}
	return anchors;
}

/** The relative links of a Markdown text (inline code left out), with their line numbers. */
export function relativeLinks(text: string): Array<{ line: number; target: string }> {
	const links: Array<{ line: number; target: string }> = [];
	for (const { line, text: l } of proseLines(text)) {
		const prose = l.replace(/`[^`]*`/g, '');
		for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
			const target = m[1];
			if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, ...
			links.push({ line, target });
		}
	}
	return links;
}

/**
 * The broken links of the given Markdown files (paths relative to `root`): a target file that does
 * not exist, or an anchor its Markdown target does not have.
 */
export function brokenLinks(
	root: string,
	files: string[],
	read = (file: string) => readFileSync(path.join(root, file), 'utf8'),
): string[] {
	const broken: string[] = [];
	for (const file of files) {
		for (const { line, target } of relativeLinks(read(file))) {
			const [rawPath, anchor] = target.split('#', 2);
			const linked = rawPath
				? path.normalize(path.join(path.dirname(file), decodeURIComponent(rawPath)))
				: file;
			const where = `${file}:${line} → ${target}`;
			if (linked.startsWith('..') || !existsSync(path.join(root, linked))) {
				broken.push(`${where}: no file ${linked}`);
				continue;
			}
			if (anchor === undefined) continue;
			if (!linked.endsWith('.md')) {
				broken.push(`${where}: an anchor into a file that is not Markdown`);
			} else if (!anchorsOf(read(linked)).has(anchor)) {
				broken.push(`${where}: ${linked} has no anchor #${anchor}`);
			}
		}
	}
	return broken;
}

/** The README's lines over the limit outside tables and fenced code, and whether it is too long. */
export function readmeFindings(text: string): string[] {
	const findings: string[] = [];
	const lines = text.replace(/\n$/, '').split('\n');
	if (lines.length > README_MAX_LINES) {
		findings.push(`README.md has ${lines.length} lines (at most ${README_MAX_LINES})`);
	}
	lines.forEach((l, i) => {
		if (!l.trimStart().startsWith('|') && [...l].length > README_MAX_LINE) {
			findings.push(
				`README.md:${i + 1} has ${[...l].length} characters (at most ${README_MAX_LINE})`,
			);
		}
	});
	return findings;
}

const DOCUMENTS = [
	'README.md',
	'sandbox/README.md',
	...readdirSync(path.join(REPO_ROOT, 'docs'))
		.filter((f) => f.endsWith('.md'))
		.map((f) => `docs/${f}`),
];

describe('README and docs/', () => {
	it('every relative link and anchor resolves', () => {
		expect(brokenLinks(REPO_ROOT, DOCUMENTS)).toEqual([]);
	});

	it('the README is a page for users: at most 300 lines, no line over 200 characters outside tables', () => {
		expect(readmeFindings(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'))).toEqual([]);
	});

	it('the README links every document in docs/', () => {
		const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
		const linked = new Set(relativeLinks(readme).map((l) => l.target.split('#')[0]));
		const unlinked = DOCUMENTS.filter((d) => d.startsWith('docs/') && !linked.has(d));
		expect(unlinked).toEqual([]);
	});
});

describe("each system package's README (scripts/packages.mjs), built from its page in docs/", () => {
	const readmes = withModule(
		'scripts/packages.mjs',
		'return m.SYSTEM_PACKAGES.map((s) => [s.name, s.docsPage, m.systemReadme(s)]);',
	) as Array<[string, string, string]>;

	it.each(readmes)(
		'%s: install, credential, operations, triggers, assumptions; no relative link',
		(name, page, readme) => {
			expect(readme.startsWith(`# ${name}\n`)).toBe(true);
			expect(readme).toContain(`Settings > Community Nodes > Install,\nthen enter \`${name}\`.`);
			const headings = readme.split('\n').filter((l) => l.startsWith('#'));
			for (const part of [
				/^### Operations/,
				/^### .*Trigger/,
				/^### Setting up the credential/,
				/^### Assumptions/,
			]) {
				expect(headings.some((h) => part.test(h))).toBe(true);
			}
			expect(relativeLinks(readme)).toEqual([]);
			// Everything of the page but its title is there.
			const body = readFileSync(path.join(REPO_ROOT, 'docs', page), 'utf8');
			expect(readme.split('\n').length).toBeGreaterThan(body.split('\n').length);
		},
	);
});

describe('the checks themselves', () => {
	it('finds a missing file, a missing anchor and a link into the wrong file', () => {
		const root = REPO_ROOT;
		const text = [
			'# Title',
			'',
			'## Only When These Fields Change (every trigger)',
			'',
			'<a id="kept"></a>',
			'[ok](#only-when-these-fields-change-every-trigger) [ok](#kept) [ok](docs/releasing.md)',
			'[gone](docs/nowhere.md) [bad](#no-such-heading) [bad](docs/releasing.md#no-such-heading)',
			'`[code](#not-a-link)` [web](https://example.com/#x)',
			'```',
			'[fenced](#not-checked)',
			'```',
		].join('\n');
		expect(anchorsOf(text)).toEqual(
			new Set(['title', 'only-when-these-fields-change-every-trigger', 'kept']),
		);
		expect(relativeLinks(text).map((l) => l.target)).toEqual([
			'#only-when-these-fields-change-every-trigger',
			'#kept',
			'docs/releasing.md',
			'docs/nowhere.md',
			'#no-such-heading',
			'docs/releasing.md#no-such-heading',
		]);
		const broken = brokenLinksOfText(root, text);
		expect(broken).toHaveLength(3);
		expect(broken[0]).toContain('no file docs/nowhere.md');
		expect(broken[1]).toContain('has no anchor #no-such-heading');
		expect(broken[2]).toContain('docs/releasing.md has no anchor #no-such-heading');
	});

	it('numbers repeated headings as GitHub does', () => {
		const seen = new Map<string, number>();
		expect(headingSlug('Operations', seen)).toBe('operations');
		expect(headingSlug('Operations', seen)).toBe('operations-1');
		expect(headingSlug("JTL-Wawi's `Date` header, v2", seen)).toBe('jtl-wawis-date-header-v2');
	});

	it('refuses a long README and a long prose line, not a long table row', () => {
		const long = 'x'.repeat(201);
		expect(readmeFindings(`| ${long} |\n`)).toEqual([]);
		expect(readmeFindings(`${long}\n`)).toEqual(['README.md:1 has 201 characters (at most 200)']);
		expect(readmeFindings('line\n'.repeat(301))).toEqual(['README.md has 301 lines (at most 300)']);
		expect(readmeFindings('line\n'.repeat(300))).toEqual([]);
	});
});

/** brokenLinks for a text read as the repository's README.md (every other file from disk). */
function brokenLinksOfText(root: string, text: string): string[] {
	return brokenLinks(root, ['README.md'], (file) =>
		file === 'README.md' ? text : readFileSync(path.join(root, file), 'utf8'),
	);
}
