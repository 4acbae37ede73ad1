/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test infrastructure, not shipped */
/**
 * The test harness runs what the package ships: every node and credential that package.json's `n8n`
 * section lists is registered, and every node or credential source is listed there.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import packageJson from '../../package.json';
import { credentialTypes } from './credentialsHelper';
import { nodeTypes, registry } from './nodeTypes';
import { loadPackageEntry, PACKAGE_NAME, REPO_ROOT } from './packageEntries';

/** Source files under `folder` whose names end in `suffix`, as package.json would list them. */
function distEntries(folder: string, suffix: string): string[] {
	return readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith(suffix))
		.map((file) => `dist/${folder}/${file.split(path.sep).join('/').replace(/\.ts$/, '.js')}`)
		.sort();
}

describe('package.json n8n.nodes', () => {
	const listed = packageJson.n8n.nodes;

	it('lists at least one node and every nodes/**/*.node.ts', () => {
		expect(listed.length).toBeGreaterThan(0);
		expect([...listed].sort()).toEqual(distEntries('nodes', '.node.ts'));
	});

	it.each(listed)('%s is registered under its package type name', (entry) => {
		const { instance } = loadPackageEntry<INodeType>(entry);
		const type = `${PACKAGE_NAME}.${instance.description.name}`;
		const registered = nodeTypes.getByNameAndVersion(type, 1);
		expect(registered.constructor).toBe(instance.constructor);
		expect(nodeTypes.getByName(type)).toBe(registered);
	});

	it('registers nothing else besides the Manual Trigger', () => {
		const own = Object.keys(registry).filter((type) => type.startsWith(`${PACKAGE_NAME}.`));
		expect(own).toHaveLength(listed.length);
		expect(Object.keys(registry)).toHaveLength(listed.length + 1);
	});
});

describe('package.json n8n.credentials', () => {
	const listed = packageJson.n8n.credentials;

	it('lists at least one credential and every credentials/**/*.credentials.ts', () => {
		expect(listed.length).toBeGreaterThan(0);
		expect([...listed].sort()).toEqual(distEntries('credentials', '.credentials.ts'));
	});

	it.each(listed)('%s is registered under its name', (entry) => {
		const { instance } = loadPackageEntry<ICredentialType>(entry);
		expect(credentialTypes[instance.name]?.constructor).toBe(instance.constructor);
	});

	it('registers nothing else', () => {
		expect(Object.keys(credentialTypes)).toHaveLength(listed.length);
	});
});

describe('loading a package.json entry', () => {
	it('fails when the source file is missing', () => {
		expect(() => loadPackageEntry('dist/nodes/Missing/Missing.node.js')).toThrow(
			'package.json n8n entry dist/nodes/Missing/Missing.node.js has no source file nodes/Missing/Missing.node.ts',
		);
	});

	it('fails when the file does not export the class named after it', () => {
		expect(() => loadPackageEntry('dist/test/harness/nodeTypes.js')).toThrow(
			'test/harness/nodeTypes.ts (package.json n8n entry dist/test/harness/nodeTypes.js) does not export class nodeTypes',
		);
	});

	it('fails on a path outside dist/', () => {
		expect(() => loadPackageEntry('nodes/JtlWawi/JtlWawi.node.ts')).toThrow(
			'not a dist/**/*.js path',
		);
	});
});
