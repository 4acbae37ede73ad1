import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../nodes/shared/router';
import { resourceModule } from '../../../nodes/shared/router';

const field = (name: string): INodeProperties => ({
	displayName: name,
	name,
	type: 'string',
	default: '',
});

const operation = (...names: string[]): OperationModule => ({
	description: names.map(field),
	execute: async () => [],
});

describe('resourceModule', () => {
	it('lists the dropdown first, then the fields of each operation in the order of the operations', () => {
		const create = operation('a', 'b');
		const del = operation('c');
		const get = operation();
		const resource = resourceModule(field('operation'), { create, delete: del, get });
		expect(resource.description.map((p) => p.name)).toEqual(['operation', 'a', 'b', 'c']);
		expect(resource.operations).toEqual({ create, delete: del, get });
	});
});
