/**
 * The words users read in the editor, checked over the descriptions exactly as n8n gets them from
 * every node and credential that package.json lists: node names and descriptions, subtitles,
 * action names, operation and option names, field labels, descriptions, placeholders, hints and
 * notices. Grammar slips that a machine can catch fail here; an action node never reads like a
 * trigger, and a trigger always says that it starts the workflow.
 */
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { packageEntries } from '../../harness/packageEntries';

/** One piece of text a user sees, with where it comes from (for the failure message). */
interface Text {
	where: string;
	text: string;
}

/** The keys of a description whose string values are shown in the editor. */
const SHOWN_KEYS = new Set([
	'displayName',
	'name',
	'description',
	'action',
	'placeholder',
	'hint',
	'subtitle',
]);

/**
 * The literal parts of a string: an expression (`={{ ... }}`) contributes only its quoted strings,
 * which is what the editor prints around the parameter values.
 */
function literalParts(value: string): string[] {
	if (!value.startsWith('=')) return [value];
	return [...value.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
}

/** Every shown string below `value`, walking properties, options, collections and routing. */
function collect(value: unknown, where: string, out: Text[]): Text[] {
	if (Array.isArray(value)) {
		value.forEach((entry, i) => {
			const label =
				entry && typeof entry === 'object' && 'name' in entry ? String(entry.name) : String(i);
			collect(entry, `${where} > ${label}`, out);
		});
		return out;
	}
	if (!value || typeof value !== 'object') return out;
	for (const [key, child] of Object.entries(value)) {
		if (typeof child === 'string' && SHOWN_KEYS.has(key)) {
			// Internal names (`name` of a property) are camelCase identifiers, never prose.
			if (key === 'name' && /^[a-z][A-Za-z0-9]*$/.test(child)) continue;
			for (const text of literalParts(child)) out.push({ where: `${where} .${key}`, text });
		} else if (typeof child === 'object') {
			collect(child, `${where} .${key}`, out);
		}
	}
	return out;
}

/** Words that start with a vowel letter but a consonant sound, so "a" is right before them. */
const A_BEFORE = /^(u(ser|sual|sable|sage|se|ni[a-z]*|uid|id|rl|tf)|one|once|eu(ro)?)/i;
/** Words that start with a consonant letter but a vowel sound, so "an" is right before them. */
const AN_BEFORE = /^(hour|honest|heir|honou?r|n8n)/i;

/** The grammar slips found in one text, described for the failure list. */
export function wordingProblems(text: string): string[] {
	const problems: string[] = [];
	// Strip markup and URLs: link targets and HTML are not prose.
	const prose = text.replace(/<[^>]+>/g, ' ').replace(/\bhttps?:\/\/\S+/g, ' ');
	for (const m of prose.matchAll(/(?:^|[\s("'“])([Aa]) ([A-Za-z][\w-]*)/g)) {
		const word = m[2];
		const acronym = word.length > 1 && word === word.toUpperCase();
		const vowelSound = acronym
			? /^[AEIO]/.test(word) || /^[FHLMNRSX][A-Z]*$/.test(word)
			: /^[aeiou]/i.test(word) && !A_BEFORE.test(word);
		if (vowelSound || AN_BEFORE.test(word)) problems.push(`"${m[1]} ${word}" needs "an"`);
	}
	for (const m of prose.matchAll(/(?:^|[\s("'“])([Aa]n) ([A-Za-z][\w-]*)/g)) {
		const word = m[2];
		const acronym = word.length > 1 && word === word.toUpperCase();
		if (acronym) continue;
		if (/^[aeiou]/i.test(word) ? A_BEFORE.test(word) : !AN_BEFORE.test(word))
			problems.push(`"${m[1]} ${word}" needs "a"`);
	}
	// n8n's lint sentence-cases every action and so turns "customer's" into "customer s": an action
	// says "data of a customer" instead, and this check keeps the mangled form out.
	for (const m of prose.matchAll(/\b([A-Za-z]+) s\b/g))
		problems.push(`"${m[0]}" is a possessive without its apostrophe`);
	for (const m of prose.matchAll(/\b([A-Za-z]+)\s+\1\b/gi))
		problems.push(`"${m[0]}" repeats a word`);
	return problems;
}

const nodes = packageEntries<INodeType>('nodes');
const credentials = packageEntries<ICredentialType>('credentials');

/** A trigger starts a workflow: it polls, listens for webhooks, or is in n8n's trigger group. */
function isTrigger(node: INodeType): boolean {
	const d = node.description;
	return Boolean(d.polling || d.webhooks?.length || d.group.includes('trigger'));
}

describe('wording of the node and credential descriptions', () => {
	it('finds the slips it is meant to find, and leaves right English alone', () => {
		expect(wordingProblems('Create a address')).toEqual(['"a address" needs "an"']);
		expect(wordingProblems('Export a customer s data')).toEqual([
			'"customer s" is a possessive without its apostrophe',
		]);
		expect(wordingProblems('Remove the the contact')).toEqual(['"the the" repeats a word']);
		expect(wordingProblems('Get a ID or an customer')).toEqual([
			'"a ID" needs "an"',
			'"an customer" needs "a"',
		]);
		for (const right of [
			'Create an address',
			"Export a customer's data",
			'A user, a UUID, a unique key, a URL or an ID',
			'Wait an hour for a one-off update of an HTTP endpoint',
			'See <a href="https://example.com/a">the docs</a>',
		])
			expect(wordingProblems(right)).toEqual([]);
	});

	it('covers every node and credential of package.json', () => {
		expect(nodes.length).toBeGreaterThanOrEqual(8);
		expect(credentials.length).toBeGreaterThanOrEqual(3);
	});

	it.each(nodes.map((n) => [n.className, n] as const))(
		'%s: no "a" before a vowel sound, no possessive without apostrophe, no doubled word',
		(_name, { className, instance }) => {
			const texts = collect(instance.description, className, []);
			expect(texts.length).toBeGreaterThan(5);
			const problems = texts.flatMap(({ where, text }) =>
				wordingProblems(text).map((p) => `${where}: ${p} in "${text}"`),
			);
			expect(problems).toEqual([]);
		},
	);

	it.each(credentials.map((c) => [c.className, c] as const))(
		'%s: no "a" before a vowel sound, no possessive without apostrophe, no doubled word',
		(_name, { className, instance }) => {
			const texts = collect(
				{ displayName: instance.displayName, properties: instance.properties },
				className,
				[],
			);
			const problems = texts.flatMap(({ where, text }) =>
				wordingProblems(text).map((p) => `${where}: ${p} in "${text}"`),
			);
			expect(problems).toEqual([]);
		},
	);

	it.each(nodes.map((n) => [n.className, n] as const))(
		'%s: an action node reads like an action, a trigger says it starts the workflow',
		(_name, { instance }) => {
			const { description, displayName } = instance.description;
			const readsLikeTrigger =
				/\b(starts?|triggers?|runs?) (the|a) workflow\b/i.test(description) ||
				/\bwebhook\b/i.test(description) ||
				/^(when|on) /i.test(description);
			if (isTrigger(instance)) {
				// A trigger that n8n's picker merges into its action node speaks for both
				// (pickerDescription.test.ts); one that stands alone says it starts the workflow.
				expect(description).toMatch(
					/^(Starts the workflow when |Work with .* start workflows when )/,
				);
				expect(displayName).toMatch(/Trigger$/);
			} else {
				expect({ displayName, description, readsLikeTrigger }).toEqual({
					displayName,
					description,
					readsLikeTrigger: false,
				});
				expect(displayName).not.toMatch(/Trigger/);
			}
		},
	);
});
