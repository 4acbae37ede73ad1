/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test infrastructure, not shipped */
/**
 * The v2 customer bodies as the project's API notes (`../shared/api/xentral.md`, section 5.1) give
 * them. Xentral's core spec of 24.48 predates them; the notes transcribe the catalogue generated
 * from the 2026 core spec (source CAT), which is not a spec file the project holds. This reads the
 * notes' "Create body" table and "Update body" line into a tree of field names, with the enums
 * the notes spell out, so that the node's bodies can be checked against it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { specsDir } from './specs';

/** A field of the body: its children (an object or a list of objects) and its allowed values. */
export interface FieldNode {
	children?: Map<string, FieldNode>;
	list?: boolean;
	values?: string[];
}

export type FieldTree = Map<string, FieldNode>;

/** The API notes beside the specs folder: `../api/xentral.md`. */
export function xentralNotesFile(): string {
	return path.resolve(specsDir(), '..', 'api', 'xentral.md');
}

/** Text outside parentheses that are themselves outside backticks (the notes' comments). */
function withoutComments(text: string): string {
	let out = '';
	let depth = 0;
	let quoted = false;
	for (const c of text) {
		if (c === '`') quoted = !quoted;
		if (!quoted && c === '(') depth++;
		if (depth === 0) out += c;
		if (!quoted && c === ')') depth = Math.max(0, depth - 1);
	}
	return out;
}

/** Parses `a, b*{c, d: x\|y}, e[{f*}]` into the tree. */
function parseList(text: string, tree: FieldTree): void {
	let i = 0;
	const parseItems = (into: FieldTree, close?: string) => {
		while (i < text.length) {
			while (i < text.length && /[\s,]/.test(text[i])) i++;
			if (close && text.startsWith(close, i)) {
				i += close.length;
				return;
			}
			const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0];
			if (!name) {
				i++;
				continue;
			}
			i += name.length;
			const node: FieldNode = into.get(name) ?? {};
			into.set(name, node);
			// Anything up to the next structure or separator is a remark (`*`, ` 1–20`).
			while (i < text.length && !/[,{}[\]:]/.test(text[i])) i++;
			if (text[i] === '{') {
				i++;
				node.children ??= new Map();
				parseItems(node.children, '}');
			} else if (text.startsWith('[{', i)) {
				i += 2;
				node.list = true;
				node.children ??= new Map();
				parseItems(node.children, '}]');
			}
			if (text[i] === ':') {
				i++;
				const enumText = /^[^,{}\]]*/.exec(text.slice(i))?.[0] ?? '';
				i += enumText.length;
				node.values = enumText
					.split(/\\?\|/)
					.map((v) => v.trim())
					.filter(Boolean);
			}
		}
	};
	parseItems(tree);
}

/** The fields of the backticked names in a piece of the notes. */
function fieldsOf(text: string, tree: FieldTree): void {
	for (const [, code] of withoutComments(text).matchAll(/`([^`]+)`/g)) parseList(code, tree);
}

export interface CustomerCatalogue {
	create: FieldTree;
	update: FieldTree;
}

/** The create and update body trees of `POST|PATCH /api/v2/customers` from the notes. */
export function readCustomerCatalogue(file = xentralNotesFile()): CustomerCatalogue {
	if (!existsSync(file))
		throw new Error(
			`Contract tests: the Xentral API notes ${file} are missing; they sit beside the spec folder (../api/xentral.md)`,
		);
	const notes = readFileSync(file, 'utf8');
	const section = notes.slice(notes.indexOf('**Create body**'), notes.indexOf('### 5.2'));
	const create: FieldTree = new Map();
	for (const row of section
		.split('\n')
		.filter((l) => l.startsWith('| ') && !l.startsWith('| Group')))
		fieldsOf(row.split(/(?<!\\)\|/)[2] ?? '', create);
	// The update bullet, which wraps over several lines, up to the next bullet.
	const start = section.indexOf('**Update body**');
	const end = section.indexOf('\n- ', start);
	const updateLine = start < 0 ? '' : section.slice(start, end < 0 ? undefined : end);
	const [minus, plus] = updateLine.split(/,\s*plus\s+/);
	const update: FieldTree = new Map(create);
	for (const [, name] of (minus.split('minus')[1] ?? '').matchAll(/`([^`]+)`/g))
		update.delete(name);
	fieldsOf((plus ?? '').split('[verified')[0], update);
	if (create.size < 20 || update.size <= create.size - 1)
		throw new Error(`Contract tests: could not read the customer body table of ${file}`);
	return { create, update };
}

/** Every field path of a tree (`financials.tax.taxation`, `customFields[].id`). */
export function leafPaths(tree: FieldTree, prefix = ''): string[] {
	return [...tree.entries()].flatMap(([name, node]) => {
		const at = `${prefix}${name}${node.list ? '[]' : ''}`;
		return node.children?.size ? leafPaths(node.children, `${at}.`) : [at];
	});
}

/** The field paths a body sets, in the same notation. */
export function bodyPaths(body: unknown, prefix = ''): string[] {
	if (Array.isArray(body))
		return body.flatMap((entry) =>
			entry && typeof entry === 'object'
				? bodyPaths(entry, `${prefix.replace(/\.$/, '')}[].`)
				: [`${prefix.replace(/\.$/, '')}[]`],
		);
	if (body && typeof body === 'object')
		return Object.entries(body).flatMap(([key, value]) =>
			value &&
			typeof value === 'object' &&
			!(Array.isArray(value) && value.every((v) => typeof v !== 'object'))
				? bodyPaths(value, `${prefix}${key}.`)
				: [`${prefix}${key}`],
		);
	return [prefix.replace(/\.$/, '')];
}

/** What in a body the tree does not describe: unknown fields and values outside an enum. */
export function catalogueProblems(body: unknown, tree: FieldTree, at = ''): string[] {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return [`${at || 'body'}: not an object`];
	const problems: string[] = [];
	for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
		const where = at ? `${at}.${key}` : key;
		const node = tree.get(key);
		if (!node) {
			problems.push(`${where}: not a field of the documented body`);
			continue;
		}
		if (node.values && !node.values.includes(String(value)))
			problems.push(`${where}: ${JSON.stringify(value)} is not one of ${node.values.join(', ')}`);
		if (node.children?.size) {
			const entries = node.list ? (Array.isArray(value) ? value : [value]) : [value];
			for (const [i, entry] of entries.entries())
				problems.push(
					...catalogueProblems(entry, node.children, node.list ? `${where}[${i}]` : where),
				);
		}
	}
	return problems;
}
