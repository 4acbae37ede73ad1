import type { INodeProperties } from 'n8n-workflow';

import type { FieldKind } from './fieldKinds';
import type { FieldSpec } from './fieldSpecs';

/** The editor side of the field model: each spec as an n8n property. */
function propertyType(kind: FieldKind): INodeProperties['type'] {
	switch (kind) {
		case 'choice':
			return 'options';
		case 'int':
		case 'number':
		case 'percent':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'dateTime':
			return 'dateTime';
		default:
			return 'string';
	}
}

function defaultFor(kind: FieldKind): string | number | boolean {
	const type = propertyType(kind);
	if (type === 'number') return 0;
	if (type === 'boolean') return false;
	return '';
}

/** Editor fields of a collection, sorted by label as n8n's linter expects. */
export function toProperties(specs: FieldSpec[]): INodeProperties[] {
	return [...specs]
		.sort((a, b) => a.displayName.localeCompare(b.displayName))
		.map((spec) => {
			if (spec.loadOptionsMethod) return dropdown(spec);
			if (spec.kind === 'choice') return choiceProperty(spec);
			const property: INodeProperties = {
				displayName: spec.displayName,
				name: spec.name,
				type: propertyType(spec.kind),
				default: defaultFor(spec.kind),
				description: spec.description,
			};
			if (spec.placeholder) property.placeholder = spec.placeholder;
			if (spec.kind === 'email') property.placeholder = 'name@email.com';
			if (spec.kind === 'int') property.typeOptions = { minValue: 0, numberPrecision: 0 };
			if (spec.kind === 'percent') property.typeOptions = { minValue: 0, maxValue: 100 };
			return property;
		});
}

/** The label the editor shows for a field. */
export function labelOf(spec: FieldSpec): string {
	return spec.loadOptionsMethod
		? `${spec.displayName.replace(/ ID$/, '')} Name or ID`
		: spec.displayName;
}

function dropdown(spec: FieldSpec): INodeProperties {
	return {
		displayName: labelOf(spec),
		name: spec.name,
		type: 'options',
		typeOptions: { loadOptionsMethod: spec.loadOptionsMethod },
		default: '',
		description: `${spec.description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/** A fixed dropdown with no value picked until the user picks one. */
function choiceProperty(spec: FieldSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'options',
		options: spec.choices ?? [],
		default: '',
		description: spec.description,
		...(spec.hint ? { hint: spec.hint } : {}),
	};
}

/** The editor field of one spec, e.g. for a required top-level parameter. */
export function toProperty(
	spec: FieldSpec,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return { ...toProperties([spec])[0], ...overrides };
}
