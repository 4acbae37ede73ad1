/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test infrastructure, not shipped */
/**
 * The registry of systems (systems/index.mjs) for jest: loaded by Node's own `require`, which
 * loads an ES module (Node 20.19 and later), outside jest's module registry (jest's own loader
 * reads CommonJS only).
 * Typed as far as the jest harness reads it.
 */
import type * as NodeModule from 'node:module';
import path from 'node:path';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RunningSandbox } from './sandbox';

/** A credential as the jest harness hands it to a workflow run. */
export interface SandboxCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** One output-schema folder of a system's node (see systems/<system>.mjs). */
export interface SchemaSpec {
	folder: string;
	module: string;
	export: string;
	skipUnchanged?: boolean;
	router?: string;
	unshaped?: string;
}

/** What the jest harness reads of a system's entry. */
export interface SystemEntry {
	key: string;
	title: string;
	package: { name: string; nodes: string[]; credentials: string[] };
	sandbox: { folder: string; offsetLessTimes: string };
	credential: {
		id: string;
		name: string;
		type: string;
		jest(sandbox: RunningSandbox, overrides?: Record<string, unknown>): SandboxCredential;
		sandboxToken?: string;
	};
	schemas: SchemaSpec[];
}

export const REPO_ROOT = path.join(__dirname, '..', '..');

// jest replaces `require('node:module').createRequire` with its own loader; process.getBuiltinModule
// (Node 20.16 and later) hands out Node's.
const nodeModule = (
	process as unknown as { getBuiltinModule(id: string): typeof NodeModule }
).getBuiltinModule('node:module');
const registry = nodeModule.createRequire(__filename)(
	path.join(REPO_ROOT, 'systems', 'index.mjs'),
) as {
	SYSTEMS: readonly SystemEntry[];
	systemOf(key: string): SystemEntry;
};

/** Every system, in package order. */
export const SYSTEMS = registry.SYSTEMS;

/** The entry of a system key (`jtl`, `xentral`, `flow`); throws for an unknown one. */
export const systemOf = (key: string): SystemEntry => registry.systemOf(key);
