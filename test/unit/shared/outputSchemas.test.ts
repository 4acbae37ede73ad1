/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- a test that writes and checks the generated schema files, not shipped */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { JTL_OUTPUT_SHAPES } from '../../../nodes/JtlWawi/helpers/outputShapes';
import { schemaFiles } from '../../../nodes/shared/outputSchema';
import { SKIP_UNCHANGED_SINCE, withUnchangedOutput } from '../../../nodes/shared/unchanged';
import { SYSTEMS, type SchemaSpec } from '../../harness/systems';

/**
 * The output schemas n8n's editor loads are generated from the shapes. `npm run schemas` writes
 * them (UPDATE_SCHEMAS=1); otherwise this test fails when a file is missing or stale. Each system's
 * entry in systems/ names its nodes' schema folders and the shapes they are made of.
 */
const ROOT = join(__dirname, '../../..');
type OutputShapes = Parameters<typeof schemaFiles>[1];
type ActionShapes = Parameters<typeof withUnchangedOutput>[0];
/** The shapes a schema folder is made of: an export of a module of the repository. */
const shapesOf = (spec: SchemaSpec): OutputShapes => {
	const shapes = (jest.requireActual(join(ROOT, spec.module)) as Record<string, OutputShapes>)[
		spec.export
	];
	if (shapes === undefined) throw new Error(`${spec.module} exports no ${spec.export}`);
	return shapes;
};
const NODES = SYSTEMS.flatMap((system) => system.schemas).flatMap((spec) => [
	{ folder: spec.folder, files: schemaFiles(1, shapesOf(spec)) },
	...(spec.skipUnchanged
		? [
				{
					folder: spec.folder,
					files: schemaFiles(
						SKIP_UNCHANGED_SINCE,
						withUnchangedOutput(shapesOf(spec) as ActionShapes),
					),
				},
			]
		: []),
]);
/** The action nodes: the schema folders with a router of operations. */
const ACTION_NODES = SYSTEMS.flatMap((system) => system.schemas)
	.filter((spec) => spec.router !== undefined)
	.map((spec) => [spec.folder, spec] as const);
/** The shapes of every action node (those whose version 1.1 reports skipped writes). */
const ACTION_SHAPES = SYSTEMS.flatMap((system) => system.schemas)
	.filter((spec) => spec.skipUnchanged)
	.map((spec) => shapesOf(spec) as ActionShapes);
const cases = NODES.flatMap(({ folder, files }) =>
	Object.entries(files).map(([path, schema]) => [`${folder}/${path}`, schema] as const),
);

describe('output schemas', () => {
	it.each(ACTION_NODES)(
		'cover every operation of the %s node but those its shapes list as unshaped',
		(_folder, spec) => {
			const { resources } = jest.requireActual(join(ROOT, String(spec.router))) as {
				resources: Record<string, { operations: object }>;
			};
			const operations = Object.entries(resources).flatMap(([resource, module]) =>
				Object.keys(module.operations).map((operation) => `${resource}/${operation}`),
			);
			const shaped = Object.entries(shapesOf(spec) as ActionShapes).flatMap(([resource, ops]) =>
				Object.keys(ops).map((operation) => `${resource}/${operation}`),
			);
			const unshaped = spec.unshaped
				? (jest.requireActual(join(ROOT, spec.module)) as Record<string, string[]>)[spec.unshaped]
				: [];
			expect([...shaped, ...unshaped].sort()).toEqual(operations.sort());
		},
	);

	it.each(cases)('%s is generated from the shapes and up to date', (path, schema) => {
		const file = join(ROOT, path);
		const text = `${JSON.stringify(schema, null, '\t')}\n`;
		if (process.env.UPDATE_SCHEMAS === '1') {
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, text);
		}
		expect(existsSync(file) ? readFileSync(file, 'utf8') : `(missing: run npm run schemas)`).toBe(
			text,
		);
	});

	it('version 1.1 of each node says in Create or Update whether the write was skipped', () => {
		expect(ACTION_SHAPES).toHaveLength(SYSTEMS.length);
		for (const shapes of ACTION_SHAPES) {
			const files = schemaFiles(SKIP_UNCHANGED_SINCE, withUnchangedOutput(shapes));
			const upsert = files['__schema__/v1.1.0/customer/upsert.json'].properties as object;
			expect(upsert).toHaveProperty('unchanged', { type: 'boolean' });
			expect(files['__schema__/v1.1.0/customer/get.json'].properties).not.toHaveProperty(
				'unchanged',
			);
		}
	});

	it('the common customer schema lists both IDs', () => {
		const customer = schemaFiles(1, JTL_OUTPUT_SHAPES)['__schema__/v1.0.0/customer/get.json'];
		expect(Object.keys(customer.properties as object).slice(0, 2)).toEqual(['id', 'legacyId']);
	});
});
