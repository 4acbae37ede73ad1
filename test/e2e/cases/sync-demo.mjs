// Real-n8n cases for the demo's workflows across systems (scripts/demo-flows.mjs), each started by
// hand with a sample event in place of its trigger. The file name sorts after the JTL-Wawi and Flow
// Retail case files, so that the records these cases change do not meet those cases' expectations.
import assert from 'node:assert/strict';

import {
	asManualRun,
	jtlToFlowWorkflow,
	nightlyExportWorkflow,
	xentralPriceToJtlWorkflow,
} from '../../../scripts/demo-flows.mjs';
import { direct } from './jtl-seed.mjs';

/** A JTL-Wawi customer in the common customer shape, as the JTL-Wawi Trigger emits it. */
const NEW_JTL_CUSTOMER = {
	id: '0b7c5a52-2f7e-4c36-9f2a-1d3e5f7a9b10',
	legacyId: '9001',
	number: 'K-DEMO-9001',
	type: 'company',
	company: 'Förde Feinkost GmbH',
	firstName: 'Eva',
	lastName: 'Lang',
	email: 'eva.lang@foerde.example',
	phone: null,
	street: 'Hafenstraße 1',
	postalCode: '24103',
	city: 'Kiel',
	countryIso: 'DE',
	source: 'jtlWawi',
};

/** Runs with the all-in-one package: its workflows use the nodes of several systems. */
export const system = 'all';

export function cases({ jtl, flow }) {
	const byExternalId = (id) => flow.state.customers.filter((c) => c.externalId === id);
	// A JTL-Wawi net price the Xentral group price lands on (group 9 stands for its customer).
	const jtlPrice = jtl.state.prices.find((p) => p.netPrice !== null && p.netPrice !== undefined);
	const samePrice = (p) =>
		p.itemId === jtlPrice.itemId &&
		p.customerId === jtlPrice.customerId &&
		p.fromQuantity === jtlPrice.fromQuantity;
	return [
		{
			name: 'Demo: a Xentral customer-group price change sets the JTL-Wawi customer price',
			workflow: asManualRun(
				xentralPriceToJtlWorkflow({ 9: jtlPrice.customerId }),
				'Xentral Sales Price Changed',
				{
					event: 'updated',
					id: '501',
					productId: String(jtlPrice.itemId),
					customerId: null,
					customerGroupId: '9',
					fromQuantity: jtlPrice.fromQuantity,
					price: 7.77,
					currency: 'EUR',
					validFrom: null,
					validTo: null,
				},
			),
			node: 'Update JTL-Wawi Customer Price',
			check: async ({ code, error, items }) => {
				assert.equal(code, 0, error?.message);
				assert.equal(items.length, 1);
				const updated = jtl.state.prices.filter(samePrice);
				assert.equal(updated.length, 1);
				assert.equal(updated[0].netPrice, 7.77);
			},
		},
		{
			name: 'Demo: a new JTL-Wawi customer becomes a Flow Retail customer, once',
			workflow: asManualRun(jtlToFlowWorkflow(), 'New JTL-Wawi Customer', NEW_JTL_CUSTOMER),
			node: 'Create or Update in Flow Retail',
			check: async ({ code, items, error }) => {
				assert.equal(code, 0, error?.message);
				assert.equal(items.length, 1);
				const [made] = byExternalId('K-DEMO-9001');
				assert.ok(made, 'the Flow Retail customer exists');
				assert.equal(made.companyName, 'Förde Feinkost GmbH');
				assert.equal(made.city, 'Kiel');
				assert.equal(byExternalId('K-DEMO-9001').length, 1);
			},
		},
		{
			name: 'Demo: the same JTL-Wawi customer again updates the Flow Retail customer, no second one',
			workflow: {
				...asManualRun(jtlToFlowWorkflow(), 'New JTL-Wawi Customer', {
					...NEW_JTL_CUSTOMER,
					city: 'Eckernförde',
				}),
				id: 'demoJtlToFlowManualAgain',
			},
			node: 'Create or Update in Flow Retail',
			check: async ({ code, error }) => {
				assert.equal(code, 0, error?.message);
				const found = byExternalId('K-DEMO-9001');
				assert.equal(found.length, 1);
				assert.equal(found[0].city, 'Eckernförde');
			},
		},
		{
			name: 'Demo: the nightly export writes one CSV of the changed customers of every system',
			workflow: asManualRun(nightlyExportWorkflow(), 'Every Night'),
			node: 'All Systems',
			// A JTL-Wawi customer changed today (the seed's are older); Flow Retail's was made above.
			before: async () => {
				await direct(jtl, 'PATCH', '/customers/2', { BillingAddress: { City: 'Heide' } });
			},
			check: async ({ code, error, items, run }) => {
				assert.equal(code, 0, error?.message);
				const sources = new Set(items.map((i) => i.source));
				assert.ok(
					items.some((i) => i.legacyId === '2' && i.city === 'Heide'),
					'the changed JTL customer',
				);
				assert.ok(sources.has('jtlWawi') && sources.has('flowRetail'), [...sources].join(', '));
				const day = Date.now() - 24 * 3600 * 1000;
				for (const item of items) {
					const when = item.updatedAt ?? item.createdAt;
					assert.ok(when === null || Date.parse(when) > day, JSON.stringify(item));
				}
				// Xentral's list was read too (its customers pass the date filter only when changed).
				assert.ok(run.data.resultData.runData['Xentral: Customers']?.[0]?.data, 'Xentral read');
				const csv = run.data.resultData.runData['CSV File']?.[0]?.data?.main?.[0]?.[0];
				assert.ok(csv?.binary?.data, 'a CSV file');
				assert.match(csv.binary.data.fileName, /^customers-\d{4}-\d{2}-\d{2}\.csv$/);
			},
		},
	];
}
