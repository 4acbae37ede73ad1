/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- test infrastructure, not shipped */
/**
 * The nodes and credentials that package.json's `n8n` section lists, loaded from their TypeScript
 * sources: `dist/nodes/X/X.node.js` is `nodes/X/X.node.ts`, and the class it exports is named
 * after the file (`X`), as n8n's loader expects.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import packageJson from '../../package.json';

export const PACKAGE_NAME = packageJson.name;
export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface PackageEntry<T> {
	/** The path as package.json lists it. */
	entry: string;
	/** The TypeScript source, relative to the repository. */
	source: string;
	className: string;
	instance: T;
}

/** Loads one package.json entry from its source; throws when the file or the class is missing. */
export function loadPackageEntry<T>(entry: string): PackageEntry<T> {
	const match = /^dist\/(.+)\.js$/.exec(entry);
	if (!match) throw new Error(`package.json n8n entry ${entry} is not a dist/**/*.js path`);
	const source = `${match[1]}.ts`;
	const file = path.join(REPO_ROOT, source);
	if (!existsSync(file)) {
		throw new Error(`package.json n8n entry ${entry} has no source file ${source}`);
	}
	const className = path.basename(source).split('.')[0];
	const exported = (require(file) as Record<string, unknown>)[className];
	if (typeof exported !== 'function') {
		throw new Error(
			`${source} (package.json n8n entry ${entry}) does not export class ${className}`,
		);
	}
	return { entry, source, className, instance: new (exported as new () => T)() };
}

export function packageEntries<T>(kind: 'nodes' | 'credentials'): Array<PackageEntry<T>> {
	const listed: string[] = packageJson.n8n[kind] ?? [];
	return listed.map((entry) => loadPackageEntry<T>(entry));
}
