/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- a test that writes and checks the generated schema files, not shipped */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { resources } from '../../../nodes/JtlWawi/actions/router';
import {
	JTL_OUTPUT_SHAPES,
	JTL_TRIGGER_OUTPUT_SHAPE,
} from '../../../nodes/JtlWawi/helpers/outputShapes';
import { schemaFiles } from '../../../nodes/shared/outputSchema';
import { resources as xentralResources } from '../../../nodes/Xentral/actions/router';
import {
	XENTRAL_OUTPUT_SHAPES,
	XENTRAL_SALES_PRICE_TRIGGER_OUTPUT_SHAPE,
	XENTRAL_TRIGGER_OUTPUT_SHAPE,
} from '../../../nodes/Xentral/helpers/outputShapes';

/**
 * The output schemas n8n's editor loads are generated from the shapes. `npm run schemas` writes
 * them (UPDATE_SCHEMAS=1); otherwise this test fails when a file is missing or stale.
 */
const ROOT = join(__dirname, '../../..');
const NODES = [
	{ folder: 'nodes/JtlWawi', files: schemaFiles(1, JTL_OUTPUT_SHAPES) },
	{ folder: 'nodes/JtlWawiTrigger', files: schemaFiles(1, JTL_TRIGGER_OUTPUT_SHAPE) },
	{ folder: 'nodes/Xentral', files: schemaFiles(1, XENTRAL_OUTPUT_SHAPES) },
	{ folder: 'nodes/XentralTrigger', files: schemaFiles(1, XENTRAL_TRIGGER_OUTPUT_SHAPE) },
	{
		folder: 'nodes/XentralSalesPriceTrigger',
		files: schemaFiles(1, XENTRAL_SALES_PRICE_TRIGGER_OUTPUT_SHAPE),
	},
];
const cases = NODES.flatMap(({ folder, files }) =>
	Object.entries(files).map(([path, schema]) => [`${folder}/${path}`, schema] as const),
);

describe('output schemas', () => {
	it.each([
		['JTL-Wawi', resources, JTL_OUTPUT_SHAPES],
		['Xentral', xentralResources, XENTRAL_OUTPUT_SHAPES],
	] as const)('cover every operation of the %s node', (_name, nodeResources, shapes) => {
		const operations = Object.entries(nodeResources).flatMap(([resource, module]) =>
			Object.keys(module.operations).map((operation) => `${resource}/${operation}`),
		);
		const shaped = Object.entries(shapes).flatMap(([resource, ops]) =>
			Object.keys(ops).map((operation) => `${resource}/${operation}`),
		);
		expect(shaped.sort()).toEqual(operations.sort());
	});

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

	it('the common customer schema lists both IDs', () => {
		const customer = schemaFiles(1, JTL_OUTPUT_SHAPES)['__schema__/v1.0.0/customer/get.json'];
		expect(Object.keys(customer.properties as object).slice(0, 2)).toEqual(['id', 'legacyId']);
	});
});
