/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code that reads the sources and package files, not shipped */
/**
 * n8n's community-node lint rules that are newer than the lint plugin the registry here serves
 * (@n8n/eslint-plugin-community-nodes 0.32.0, 44 rules, run by `npm run lint`). n8n's repository
 * documents 71; these are the 27 the installed plugin lacks, each checked here from its documented
 * meaning with our own code, so they stay met until the newer plugin can be installed (then
 * `npm run lint` runs them and this file can go). docs/n8n-lint-rules.md lists each rule and what
 * the package does about it.
 *
 * Where a rule reads only the literals of a `.node.ts` file, a check over the built descriptions
 * (every field of every operation, whichever file declares it) is stricter, and is used where the
 * package meets it: hint length, sorted/unique options, defaults, names and colours. The rules
 * about a node file's top-level field list and its execute() method are checked on the source, as
 * the rule reads it.
 *
 * Every check is a function returning its findings; each is also run on a small bad sample, so a
 * check that finds nothing is known to be able to find something.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import ts from 'typescript';

import { withModule } from '../harness/nodeScripts';
import { REPO_ROOT, packageEntries } from '../harness/packageEntries';

type Finding = string;

const nodes = packageEntries<INodeType>('nodes');
const credentials = packageEntries<ICredentialType>('credentials');

// ---------------------------------------------------------------------------------------------
// Walking descriptions

type AnyProperty = INodeProperties & { options?: unknown[] };

/** Every parameter of a description, at any depth (collections, fixed collections), with its path. */
function eachParameter(
	properties: INodeProperties[],
	visit: (p: AnyProperty, where: string) => void,
	trail = '',
): void {
	for (const p of properties) {
		const where = `${trail}${p.name}`;
		visit(p as AnyProperty, where);
		const options = (p as AnyProperty).options ?? [];
		if (p.type === 'collection') eachParameter(options as INodeProperties[], visit, `${where}.`);
		if (p.type === 'fixedCollection') {
			for (const group of options as INodePropertyCollection[]) {
				eachParameter(group.values ?? [], visit, `${where}.${group.name}.`);
			}
		}
	}
}

/** The static choices of an options / multiOptions parameter (undefined when loaded at run time). */
function choicesOf(p: AnyProperty): INodePropertyOptions[] | undefined {
	if (p.type !== 'options' && p.type !== 'multiOptions') return undefined;
	return Array.isArray(p.options) ? (p.options as INodePropertyOptions[]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Checks over built descriptions

const HINT_MAX = 120;

function hintMaxLength(d: INodeTypeDescription): Finding[] {
	const out: Finding[] = [];
	eachParameter(d.properties, (p, where) => {
		if (typeof p.hint === 'string' && p.hint.length > HINT_MAX)
			out.push(`${d.name} ${where}: hint of ${p.hint.length} characters`);
	});
	return out;
}

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

function optionsSortedAlphabetically(d: INodeTypeDescription): Finding[] {
	const out: Finding[] = [];
	eachParameter(d.properties, (p, where) => {
		const choices = p.type === 'options' ? choicesOf(p) : undefined;
		if (!choices || choices.length < 2) return;
		const names = choices.map((c) => c.name);
		const sorted = [...names].sort(byName);
		if (names.some((n, i) => n !== sorted[i]))
			out.push(`${d.name} ${where}: ${names.join(', ')} (expected ${sorted.join(', ')})`);
	});
	return out;
}

function noDuplicateParamOptions(d: INodeTypeDescription): Finding[] {
	const out: Finding[] = [];
	eachParameter(d.properties, (p, where) => {
		const choices = choicesOf(p);
		if (!choices) return;
		const names = choices.map((c) => c.name);
		const values = choices.map((c) => JSON.stringify(c.value));
		if (new Set(names).size !== names.length) out.push(`${d.name} ${where}: a name twice`);
		if (new Set(values).size !== values.length) out.push(`${d.name} ${where}: a value twice`);
	});
	return out;
}

function noAsteriskInOptionNames(d: INodeTypeDescription): Finding[] {
	const out: Finding[] = [];
	eachParameter(d.properties, (p, where) => {
		for (const c of choicesOf(p) ?? [])
			if (c.name.includes('*')) out.push(`${d.name} ${where}: option "${c.name}"`);
	});
	return out;
}

/** The parameter types n8n knows; an object with a name and one of these is a parameter. */
const PARAMETER_TYPES = new Set([
	'string',
	'number',
	'boolean',
	'options',
	'multiOptions',
	'collection',
	'fixedCollection',
	'json',
	'notice',
	'callout',
	'hidden',
	'dateTime',
	'color',
	'resourceLocator',
	'resourceMapper',
	'filter',
	'assignmentCollection',
	'credentialsSelect',
	'curlImport',
	'button',
	'workflowSelector',
]);

function requireParamDefault(d: INodeTypeDescription): Finding[] {
	const out: Finding[] = [];
	eachParameter(d.properties, (p, where) => {
		if (PARAMETER_TYPES.has(p.type) && !Object.prototype.hasOwnProperty.call(p, 'default'))
			out.push(`${d.name} ${where}: no default`);
	});
	return out;
}

function nodeNameCamelCase(d: INodeTypeDescription): Finding[] {
	return /^[a-z][a-zA-Z0-9]*$/.test(d.name) ? [] : [`${d.name}: not camelCase`];
}

const CORE_COLOR = '#ff6d5a';

function nonCoreColor(d: INodeTypeDescription): Finding[] {
	const colors = [d.defaults?.color, (d as { color?: string }).color];
	return colors.some((c) => typeof c === 'string' && c.toLowerCase() === CORE_COLOR)
		? [`${d.name}: uses n8n's core colour`]
		: [];
}

function singleCredentialPerNode(d: INodeTypeDescription): Finding[] {
	return (d.credentials ?? []).length > 1
		? [`${d.name}: ${d.credentials!.length} credentials`]
		: [];
}

/** node-filename-against-convention: the file is named after description.name (first letter up). */
function nodeFilename(source: string, d: INodeTypeDescription): Finding[] {
	const base = path.basename(source, '.node.ts');
	const expected = d.name.charAt(0).toUpperCase() + d.name.slice(1);
	return new RegExp(`^${expected}(V\\d+)?$`).test(base) ? [] : [`${source}: expected ${expected}`];
}

function credentialConventions(source: string, className: string, c: ICredentialType): Finding[] {
	const out: Finding[] = [];
	if (!className.endsWith('Api')) out.push(`${source}: class ${className} does not end in Api`);
	if (!/^[a-z]/.test(c.name) || !c.name.endsWith('Api'))
		out.push(`${source}: name ${c.name} must start lower-case and end in Api`);
	if (path.basename(source, '.credentials.ts') !== className)
		out.push(`${source}: file not named after class ${className}`);
	return out;
}

// ---------------------------------------------------------------------------------------------
// Codex files

const NODE_CATEGORIES = new Set([
	'Data & Storage',
	'Finance & Accounting',
	'Marketing & Content',
	'Productivity',
	'Miscellaneous',
	'Sales',
	'Development',
	'Analytics',
	'Communication',
	'Utility',
]);

/** valid-node-categories, valid-codex-categories, no-ai-codex-category, no-codex-subcategories, no-logic-or-flow-nodes. */
function codexRules(file: string, codex: Record<string, unknown>): Finding[] {
	const out: Finding[] = [];
	const categories = codex.categories;
	if (categories !== undefined) {
		if (!Array.isArray(categories) || categories.length === 0)
			out.push(`${file}: categories must be a non-empty list`);
		else
			for (const c of categories)
				if (typeof c !== 'string' || !NODE_CATEGORIES.has(c))
					out.push(`${file}: category ${JSON.stringify(c)} is not a community node category`);
	}
	if (codex.subcategories !== undefined) out.push(`${file}: has subcategories`);
	return out;
}

// ---------------------------------------------------------------------------------------------
// Icons (icon-contrast)

function luminance(hex: string): number {
	const full =
		hex.length === 4
			? hex
					.slice(1)
					.split('')
					.map((h) => h + h)
					.join('')
			: hex.slice(1);
	const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
	const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

const NAMED: Record<string, string> = { white: '#ffffff', black: '#000000' };

/** The best contrast of an SVG's paints against a background (no paint counts as black). */
function bestContrast(svg: string, background: string): number {
	const paints = [
		...svg.matchAll(/(?:fill|stroke|stop-color)\s*[=:]\s*["']?\s*(#[0-9a-fA-F]{3,6}|white|black)/g),
	].map((m) => NAMED[m[1].toLowerCase()] ?? m[1].toLowerCase());
	const colors = paints.length ? paints : ['#000000'];
	return Math.max(...colors.map((c) => contrast(c, background)));
}

const LIGHT_BACKGROUND = '#ffffff';
const DARK_BACKGROUND = '#2b2b2b';
const MIN_CONTRAST = 1.5;

function iconContrast(owner: string, dir: string, icon: unknown): Finding[] {
	const files: Array<[string, string[]]> = [];
	if (typeof icon === 'string') files.push([icon, [LIGHT_BACKGROUND, DARK_BACKGROUND]]);
	else if (icon && typeof icon === 'object') {
		const { light, dark } = icon as { light: string; dark: string };
		files.push([light, [LIGHT_BACKGROUND]], [dark, [DARK_BACKGROUND]]);
	}
	const out: Finding[] = [];
	for (const [ref, backgrounds] of files) {
		if (!ref.startsWith('file:') || !ref.endsWith('.svg')) continue;
		const svg = readFileSync(path.join(dir, ref.slice('file:'.length)), 'utf8');
		for (const bg of backgrounds) {
			const best = bestContrast(svg, bg);
			if (best < MIN_CONTRAST) out.push(`${owner} ${ref}: contrast ${best.toFixed(2)} on ${bg}`);
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Checks on the node source, as the rules read it

function parse(file: string, text = readFileSync(path.join(REPO_ROOT, file), 'utf8')) {
	return ts.createSourceFile(file, text, ts.ScriptTarget.ES2019, true, ts.ScriptKind.TS);
}

function each(node: ts.Node, visit: (n: ts.Node) => void): void {
	visit(node);
	node.forEachChild((child) => each(child, visit));
}

const nameOf = (n: ts.PropertyName | ts.BindingName | undefined): string | undefined =>
	n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? n.text : undefined;

/** The object literal of a class's `description = {...}` property. */
function descriptionLiteral(cls: ts.ClassDeclaration): ts.ObjectLiteralExpression | undefined {
	for (const member of cls.members) {
		if (
			ts.isPropertyDeclaration(member) &&
			nameOf(member.name) === 'description' &&
			member.initializer &&
			ts.isObjectLiteralExpression(member.initializer)
		)
			return member.initializer;
	}
	return undefined;
}

function literalProperty(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
	for (const p of obj.properties)
		if (ts.isPropertyAssignment(p) && nameOf(p.name) === name) return p.initializer;
	return undefined;
}

function classesOf(sf: ts.SourceFile): ts.ClassDeclaration[] {
	return sf.statements.filter(ts.isClassDeclaration);
}

function executeOf(cls: ts.ClassDeclaration): ts.MethodDeclaration | undefined {
	return cls.members.find(
		(m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && nameOf(m.name) === 'execute',
	);
}

/** require-continue-on-fail: a node's execute() calls this.continueOnFail() itself. */
function requireContinueOnFail(sf: ts.SourceFile): Finding[] {
	const out: Finding[] = [];
	for (const cls of classesOf(sf)) {
		const execute = executeOf(cls);
		if (!execute?.body) continue;
		let found = false;
		each(execute.body, (n) => {
			if (
				ts.isCallExpression(n) &&
				ts.isPropertyAccessExpression(n.expression) &&
				n.expression.expression.kind === ts.SyntaxKind.ThisKeyword &&
				n.expression.name.text === 'continueOnFail'
			)
				found = true;
		});
		if (!found)
			out.push(`${sf.fileName}: execute() of ${cls.name?.text} has no this.continueOnFail()`);
	}
	return out;
}

/** node-operation-error-itemindex: errors thrown in an execute() loop name the item. */
function errorItemIndex(sf: ts.SourceFile): Finding[] {
	const out: Finding[] = [];
	for (const cls of classesOf(sf)) {
		const body = executeOf(cls)?.body;
		if (!body) continue;
		each(body, (loop) => {
			if (!ts.isForStatement(loop) && !ts.isForOfStatement(loop)) return;
			each(loop.statement, (n) => {
				if (
					ts.isNewExpression(n) &&
					ts.isIdentifier(n.expression) &&
					['NodeOperationError', 'NodeApiError'].includes(n.expression.text)
				) {
					const options = n.arguments?.[2];
					const named =
						options &&
						ts.isObjectLiteralExpression(options) &&
						options.properties.some((p) => nameOf(p.name) === 'itemIndex');
					if (!named) out.push(`${sf.fileName}: ${n.expression.text} without itemIndex in a loop`);
				}
			});
		});
	}
	return out;
}

/** prefer-declarative-style: execute() sends no HTTP request of its own (it hands items to a router). */
function preferDeclarativeStyle(sf: ts.SourceFile): Finding[] {
	const out: Finding[] = [];
	for (const cls of classesOf(sf)) {
		const body = executeOf(cls)?.body;
		if (!body) continue;
		each(body, (n) => {
			if (ts.isPropertyAccessExpression(n) && /^httpRequest/.test(n.name.text))
				out.push(`${sf.fileName}: execute() sends ${n.name.text} itself`);
		});
	}
	return out;
}

const SELECTORS = new Set(['resource', 'operation', 'authentication']);
const EXEMPT_TYPES = new Set([
	'collection',
	'fixedCollection',
	'notice',
	'callout',
	'hidden',
	'curlImport',
]);

/**
 * non-required-fields-in-collection and open-ended-node-fields: each field written out in the node
 * file's own `properties` list is required, a selector, a container or not an input.
 */
function topLevelFields(sf: ts.SourceFile): Finding[] {
	const out: Finding[] = [];
	for (const cls of classesOf(sf)) {
		const description = descriptionLiteral(cls);
		const properties = description && literalProperty(description, 'properties');
		if (!properties || !ts.isArrayLiteralExpression(properties)) continue;
		for (const el of properties.elements) {
			if (!ts.isObjectLiteralExpression(el)) continue;
			const text = (name: string) => {
				const v = literalProperty(el, name);
				return v && ts.isStringLiteralLike(v) ? v.text : undefined;
			};
			const name = text('name');
			const type = text('type');
			if (!name || SELECTORS.has(name) || (type && EXEMPT_TYPES.has(type))) continue;
			const required = literalProperty(el, 'required');
			if (required?.kind !== ts.SyntaxKind.TrueKeyword)
				out.push(`${sf.fileName}: top-level field ${name} is not required`);
		}
	}
	return out;
}

const CONFIGURABLE_ID =
	/^(?:partner|affiliate|reseller|account|tenant|customer|client)(?:[_-]?id)$/i;

/** no-hardcoded-ids: no partner, tenant, customer, client... ID written into a node file. */
function noHardcodedIds(sf: ts.SourceFile): Finding[] {
	const out: Finding[] = [];
	const check = (name: string | undefined, value: ts.Node | undefined) => {
		if (name && value && CONFIGURABLE_ID.test(name) && ts.isStringLiteralLike(value))
			out.push(`${sf.fileName}: ${name} = '${value.text}'`);
	};
	each(sf, (n) => {
		if (ts.isVariableDeclaration(n)) check(nameOf(n.name), n.initializer);
		else if (ts.isPropertyDeclaration(n) || ts.isPropertyAssignment(n))
			check(nameOf(n.name), n.initializer);
		else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
			const left = n.left;
			const name = ts.isIdentifier(left)
				? left.text
				: ts.isPropertyAccessExpression(left)
					? left.name.text
					: ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression)
						? left.argumentExpression.text
						: undefined;
			check(name, n.right);
		}
	});
	return out;
}

// ---------------------------------------------------------------------------------------------
// package.json (all-in-one and the system packages)

/** require-mit-license, require-community-node-keyword, no-monorepo. */
function packageJsonRules(pkg: Record<string, unknown>): Finding[] {
	const out: Finding[] = [];
	const name = String(pkg.name);
	if (pkg.license !== 'MIT') out.push(`${name}: licence ${String(pkg.license)}, not MIT`);
	if (!((pkg.keywords as string[] | undefined) ?? []).includes('n8n-community-node-package'))
		out.push(`${name}: no n8n-community-node-package keyword`);
	if ((pkg.repository as { directory?: string } | undefined)?.directory !== undefined)
		out.push(`${name}: repository.directory (a monorepo package)`);
	return out;
}

function systemPackageJsons(): Array<Record<string, unknown>> {
	return withModule(
		'scripts/packages.mjs',
		'return m.SYSTEM_PACKAGES.map((s) => m.systemPackageJson(s));',
	) as Array<Record<string, unknown>>;
}

// ---------------------------------------------------------------------------------------------

const nodeSources = nodes.map((n) => n.source);
const descriptions = nodes.map((n) => n.instance.description);
const rootPackage = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

describe("n8n's newer community-node lint rules (documented, not in the installed plugin)", () => {
	const perDescription: Array<[string, (d: INodeTypeDescription) => Finding[]]> = [
		['hint-max-length', hintMaxLength],
		['options-sorted-alphabetically', optionsSortedAlphabetically],
		['no-duplicate-param-options', noDuplicateParamOptions],
		['no-asterisk-in-option-names', noAsteriskInOptionNames],
		['require-param-default', requireParamDefault],
		['node-class-description-name-camelcase', nodeNameCamelCase],
		['node-class-description-non-core-color', nonCoreColor],
		['single-credential-per-node', singleCredentialPerNode],
	];
	it.each(perDescription)('%s: no finding in any built node description', (_rule, check) => {
		expect(descriptions.flatMap(check)).toEqual([]);
	});

	const perSource: Array<[string, (sf: ts.SourceFile) => Finding[]]> = [
		['require-continue-on-fail', requireContinueOnFail],
		['node-operation-error-itemindex', errorItemIndex],
		['prefer-declarative-style', preferDeclarativeStyle],
		['non-required-fields-in-collection / open-ended-node-fields', topLevelFields],
		['no-hardcoded-ids', noHardcodedIds],
	];
	it.each(perSource)('%s: no finding in any .node.ts file', (_rule, check) => {
		expect(nodeSources.map((f) => parse(f)).flatMap(check)).toEqual([]);
	});

	it('node-filename-against-convention: each node file is named after its node', () => {
		expect(nodes.flatMap((n) => nodeFilename(n.source, n.instance.description))).toEqual([]);
	});

	it('cred-class-name-suffix, cred-class-name-field-conventions, cred-filename-against-convention', () => {
		expect(
			credentials.flatMap((c) => credentialConventions(c.source, c.className, c.instance)),
		).toEqual([]);
	});

	it('valid-node-categories, valid-codex-categories, no-ai-codex-category, no-codex-subcategories, no-logic-or-flow-nodes', () => {
		const codexFiles = nodeSources.map((s) => s.replace(/\.ts$/, '.json'));
		const found = codexFiles.flatMap((f) =>
			codexRules(f, JSON.parse(readFileSync(path.join(REPO_ROOT, f), 'utf8'))),
		);
		expect(found).toEqual([]);
		// No node declares an inline codex, which would replace its codex file.
		expect(descriptions.filter((d) => 'codex' in d).map((d) => d.name)).toEqual([]);
		expect(codexFiles.length).toBe(nodes.length);
	});

	it('icon-contrast: every icon reads on the light and the dark canvas', () => {
		const found = [
			...nodes.flatMap((n) =>
				iconContrast(
					n.source,
					path.join(REPO_ROOT, path.dirname(n.source)),
					n.instance.description.icon,
				),
			),
			...credentials.flatMap((c) =>
				iconContrast(c.source, path.join(REPO_ROOT, path.dirname(c.source)), c.instance.icon),
			),
		];
		expect(found).toEqual([]);
	});

	it('require-mit-license, require-community-node-keyword, no-monorepo: the all-in-one and every system package', () => {
		const all = [rootPackage, ...systemPackageJsons()];
		expect(all.map((p) => p.name)).toEqual([
			'n8n-nodes-erp-customers',
			'n8n-nodes-jtl-wawi',
			'n8n-nodes-xentral',
			'n8n-nodes-flow-retail',
		]);
		expect(all.flatMap(packageJsonRules)).toEqual([]);
	});

	it('the rule directory names 27 rules, each checked above', () => {
		const checked = [
			...perDescription.map(([r]) => r),
			...perSource.flatMap(([r]) => r.split(' / ')),
			'node-filename-against-convention',
			'cred-class-name-suffix',
			'cred-class-name-field-conventions',
			'cred-filename-against-convention',
			'valid-node-categories',
			'valid-codex-categories',
			'no-ai-codex-category',
			'no-codex-subcategories',
			'no-logic-or-flow-nodes',
			'icon-contrast',
			'require-mit-license',
			'require-community-node-keyword',
			'no-monorepo',
		];
		const documented = readFileSync(path.join(REPO_ROOT, 'docs', 'n8n-lint-rules.md'), 'utf8');
		const newer = [...documented.matchAll(/^\| `([a-z0-9-]+)`\s*\| newer\s*\|/gm)].map((m) => m[1]);
		expect(newer).toHaveLength(27);
		expect([...checked].sort()).toEqual([...newer].sort());
	});
});

describe('each check finds what its rule reports', () => {
	const bad = (properties: unknown[], extra: Partial<INodeTypeDescription> = {}) =>
		({ name: 'bad', displayName: 'Bad', properties, ...extra }) as unknown as INodeTypeDescription;

	it('finds a long hint inside a collection', () => {
		const d = bad([
			{
				name: 'o',
				type: 'collection',
				default: {},
				options: [{ name: 'x', type: 'string', default: '', hint: 'h'.repeat(121) }],
			},
		]);
		expect(hintMaxLength(d)).toHaveLength(1);
	});

	it('finds unsorted, duplicate and asterisk options and a missing default', () => {
		const d = bad([
			{
				name: 'a',
				type: 'options',
				default: 'u',
				options: [
					{ name: 'User', value: 'u' },
					{ name: 'Contact', value: 'u' },
				],
			},
			{ name: 'b', type: 'options', default: 'a', options: [{ name: '* All', value: 'a' }] },
			{ name: 'c', type: 'string' },
		]);
		expect(optionsSortedAlphabetically(d)).toHaveLength(1);
		expect(noDuplicateParamOptions(d)).toHaveLength(1);
		expect(noAsteriskInOptionNames(d)).toHaveLength(1);
		expect(requireParamDefault(d)).toEqual(['bad c: no default']);
	});

	it('finds a bad name, the core colour and two credentials', () => {
		const d = bad([], {
			name: 'Bad Node',
			defaults: { name: 'x', color: '#FF6D5A' },
			credentials: [{ name: 'aApi' }, { name: 'bApi' }],
		});
		expect(nodeNameCamelCase(d)).toHaveLength(1);
		expect(nonCoreColor(d)).toHaveLength(1);
		expect(singleCredentialPerNode(d)).toHaveLength(1);
		expect(nodeFilename('nodes/X/Gitlab.node.ts', { ...d, name: 'github' })).toHaveLength(1);
		expect(nodeFilename('nodes/X/GithubV2.node.ts', { ...d, name: 'github' })).toEqual([]);
	});

	it('finds credential naming faults', () => {
		expect(
			credentialConventions('credentials/Foo.credentials.ts', 'FooAuth', {
				name: 'Foo',
			} as ICredentialType),
		).toHaveLength(3);
	});

	it('finds bad codex categories', () => {
		expect(codexRules('x.node.json', { categories: ['Marketing', 'AI', 'Sales'] })).toHaveLength(2);
		expect(codexRules('x.node.json', { categories: [], subcategories: { x: [] } })).toHaveLength(2);
	});

	it('finds a low-contrast icon and measures a high one', () => {
		expect(bestContrast('<svg><path fill="#2b2b2b"/></svg>', DARK_BACKGROUND)).toBeCloseTo(1, 5);
		expect(bestContrast('<svg><path/></svg>', DARK_BACKGROUND)).toBeLessThan(MIN_CONTRAST);
		expect(bestContrast('<svg><path style="fill:#fff"/></svg>', DARK_BACKGROUND)).toBeGreaterThan(
			10,
		);
	});

	it('finds an execute() without continueOnFail, an error without itemIndex, a request per item', () => {
		const sf = parse(
			'bad.node.ts',
			`class Bad {
				async execute() {
					for (let i = 0; i < this.getInputData().length; i++) {
						await this.helpers.httpRequestWithAuthentication.call(this, 'x', {});
						throw new NodeOperationError(this.getNode(), 'no');
					}
				}
			}`,
		);
		expect(requireContinueOnFail(sf)).toHaveLength(1);
		expect(errorItemIndex(sf)).toHaveLength(1);
		expect(preferDeclarativeStyle(sf)).toHaveLength(1);
	});

	it('finds an optional top-level field and a fixed tenant ID in a node file', () => {
		const sf = parse(
			'bad.node.ts',
			`const tenantId = 'acme';
			class Bad {
				description = { properties: [
					{ name: 'resource', type: 'options' },
					{ name: 'limit', type: 'number', default: 50 },
					{ name: 'config', type: 'json', default: '{}' },
					{ name: 'id', type: 'string', required: true, default: '' },
					{ name: 'options', type: 'collection', default: {} },
				] };
			}`,
		);
		expect(topLevelFields(sf)).toHaveLength(2);
		expect(noHardcodedIds(sf)).toHaveLength(1);
	});

	it('finds package.json faults', () => {
		expect(
			packageJsonRules({
				name: 'n8n-nodes-x',
				license: 'ISC',
				keywords: [],
				repository: { url: 'u', directory: 'packages/x' },
			}),
		).toHaveLength(3);
	});
});

// Lists every rule file of the plugin that is installed, to keep docs/n8n-lint-rules.md honest
// about which rules `npm run lint` already runs.
describe('the installed lint plugin', () => {
	it('runs the 44 rules the rule list marks as installed', () => {
		const dir = path.join(
			REPO_ROOT,
			'node_modules',
			'@n8n',
			'eslint-plugin-community-nodes',
			'docs',
			'rules',
		);
		const installed = readdirSync(dir).map((f) => f.replace(/\.md$/, ''));
		const documented = readFileSync(path.join(REPO_ROOT, 'docs', 'n8n-lint-rules.md'), 'utf8');
		const marked = [...documented.matchAll(/^\| `([a-z0-9-]+)`\s*\| installed\s*\|/gm)].map(
			(m) => m[1],
		);
		expect(installed).toHaveLength(44);
		expect([...marked].sort()).toEqual([...installed].sort());
	});
});
