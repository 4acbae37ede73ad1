/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- test code that reads the source tree and loads modules under another zod, not shipped */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { mockExecuteContext } from '../../harness/mockContext';

/**
 * n8n resolves the package's zod import to its own copy: zod 3 in n8n 2.41, maybe zod 4 later.
 * Under zod 4 the root import ignores zod 3's custom messages, while the `zod/v3` entry keeps
 * them. These tests load the package's validation with zod 4 in place of the installed zod 3.
 */
const REPO = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return full.endsWith('.ts') ? [full] : [];
	});
}

type ValidationModules = {
	fieldSpecs: typeof import('../../../nodes/shared/fieldSpecs');
	validation: typeof import('../../../nodes/shared/validation');
};

/** The package's validation modules, loaded with `zod/v3` resolved to `replacement`. */
function loadWith(replacement: string): ValidationModules {
	let modules: ValidationModules | undefined;
	jest.isolateModules(() => {
		jest.doMock('zod/v3', () => jest.requireActual(replacement));
		modules = {
			fieldSpecs: require('../../../nodes/shared/fieldSpecs'),
			validation: require('../../../nodes/shared/validation'),
		};
	});
	jest.dontMock('zod/v3');
	return modules!;
}

function messageOf(modules: ValidationModules, kind: 'int' | 'intId' | 'email', value: unknown) {
	const ctx = mockExecuteContext({ field: value });
	const spec = { name: 'field', displayName: 'Field', kind, description: 'x' };
	try {
		modules.fieldSpecs.readField(ctx, spec, 'field', 0);
	} catch (error) {
		return (error as Error).message;
	}
	return 'accepted';
}

describe('zod at run time', () => {
	it('node and credential code imports zod only through zod/v3', () => {
		const offenders = [
			...sourceFiles(path.join(REPO, 'nodes')),
			...sourceFiles(path.join(REPO, 'credentials')),
		].filter((file) =>
			/from ['"]zod(\/v4)?['"]|require\(['"]zod(\/v4)?['"]\)/.test(readFileSync(file, 'utf8')),
		);
		expect(offenders).toEqual([]);
	});

	it('keeps the custom messages when n8n ships zod 4', () => {
		const underZod4 = loadWith('zod-v4/v3');
		expect(messageOf(underZod4, 'int', 'x')).toBe('Field (item 0) must be a whole number');
		expect(messageOf(underZod4, 'int', 1.5)).toBe('Field (item 0) must be a whole number');
		expect(messageOf(underZod4, 'intId', 0)).toBe('Field (item 0) must be 1 or greater');
		expect(messageOf(underZod4, 'email', 'no')).toBe('Field (item 0) must be an email address');
	});

	it('would lose them through the zod 4 root import, which is why zod/v3 is used', () => {
		const rootOfZod4 = loadWith('zod-v4');
		expect(messageOf(rootOfZod4, 'int', 'x')).not.toBe('Field (item 0) must be a whole number');
	});
});
