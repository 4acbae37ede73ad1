/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code that reads package.json, not shipped */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_AGENT, PACKAGE_NAME, PACKAGE_VERSION } from '../../../nodes/shared/package';

describe('package constants', () => {
	it('are the name and version of package.json', () => {
		const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
		expect(PACKAGE_NAME).toBe(pkg.name);
		expect(PACKAGE_VERSION).toBe(pkg.version);
		expect(PACKAGE_AGENT).toBe(`${pkg.name}/${pkg.version}`);
	});
});
