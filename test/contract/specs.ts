/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test infrastructure, not shipped */
/**
 * Where the contract tests find the vendor OpenAPI specs. They are not part of the project: set
 * ERP_SPECS_DIR to their folder (a relative path counts from the working directory); the default
 * is the `shared/specs` folder beside the repository.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const SPECS_DIR_VARIABLE = 'ERP_SPECS_DIR';
export const DEFAULT_SPECS_DIR = path.resolve(__dirname, '../../../shared/specs');
export const JTL_SPEC_FILE = 'jtl-wawi-cloud-erp_v1.0_openapi-3.0.json';

export function specsDir(): string {
	const configured = process.env[SPECS_DIR_VARIABLE];
	return configured ? path.resolve(configured) : DEFAULT_SPECS_DIR;
}

/** The Xentral core spec (24.48.10): contact persons, sales prices, v1 delete, webhooks, payment methods. */
export const XENTRAL_CORE_SPEC_FILE = 'xentral-core_24.48.10_openapi-3.0.json';

export function xentralCoreSpec(): string {
	return path.join(specsDir(), XENTRAL_CORE_SPEC_FILE);
}

export function jtlSpec(): string {
	return path.join(specsDir(), JTL_SPEC_FILE);
}

/** Throws, naming the folder and the variable, unless the specs folder and the JTL spec exist. */
export function assertSpecsPresent(): void {
	const dir = specsDir();
	const from = process.env[SPECS_DIR_VARIABLE]
		? `${SPECS_DIR_VARIABLE}=${process.env[SPECS_DIR_VARIABLE]}`
		: `the default, since ${SPECS_DIR_VARIABLE} is not set`;
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		throw new Error(
			`Contract tests: spec folder ${dir} not found (${from}); set ${SPECS_DIR_VARIABLE} to the ` +
				'folder that holds the vendor OpenAPI specs. The contract tests are never skipped.',
		);
	}
	if (!existsSync(jtlSpec())) {
		throw new Error(
			`Contract tests: spec folder ${dir} (${from}) has no ${JTL_SPEC_FILE}; set ` +
				`${SPECS_DIR_VARIABLE} to the folder that holds it. The contract tests are never skipped.`,
		);
	}
}
