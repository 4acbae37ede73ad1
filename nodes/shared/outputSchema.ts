import type { IDataObject } from 'n8n-workflow';

import type { Shape } from './shapes';

/**
 * Output schemas for n8n's editor, which shows the fields of an operation's output before the
 * first run. n8n serves them from the node's folder: `__schema__/v<major.minor.patch>/<resource>/
 * <operation>.json` for a node with resources and operations, `__schema__/v<version>.json` for a
 * node without (a trigger). They are generated from the package's shapes (shapes.ts), so they
 * cannot drift from what Simplify returns; a test fails when a generated file is stale.
 */
export function shapeToJsonSchema(shape: Shape): IDataObject {
	return {
		type: 'object',
		properties: Object.fromEntries(Object.entries(shape).map(([key, type]) => [key, { type }])),
	};
}

/** The schema files of one node: path below the node's folder → schema. */
export function schemaFiles(
	version: number,
	outputs: Record<string, Record<string, Shape>> | Shape,
): Record<string, IDataObject> {
	const dir = `__schema__/v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;
	const files: Record<string, IDataObject> = {};
	const isShape = Object.values(outputs).every((value) => typeof value === 'string');
	if (isShape) {
		// A node without resource and operation: the editor asks for the version itself; n8n's
		// own lookup (for AI tools) falls back to output.json inside the version folder.
		const schema = shapeToJsonSchema(outputs as Shape);
		files[`${dir}.json`] = schema;
		files[`${dir}/output.json`] = schema;
		return files;
	}
	for (const [resource, operations] of Object.entries(
		outputs as Record<string, Record<string, Shape>>,
	))
		for (const [operation, shape] of Object.entries(operations))
			files[`${dir}/${resource}/${operation}.json`] = shapeToJsonSchema(shape);
	return files;
}
