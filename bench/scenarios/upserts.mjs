// Scenario "upserts under the rate limit": Customer > Create or Update (by customer number) for N
// items, half of them existing customers, half new, at JTL's 60 requests per 10 s per route.
// The HTTP Request flow is what a skilled user builds: GET /customers?number= (batching 60 items
// per 10 s, Retry On Fail), an IF on "found", then PATCH /customers/{Id} or POST /customers (each
// batched the same way). Afterwards the sandbox state is compared: every number exactly once, with
// this run's values.
import { httpNode, ifNode, jtlNode, noOpNode, webhookWorkflow } from '../workflows.mjs';

export const RATE = { limit: 60, intervalSeconds: 10 };

/** The JTL v1 body both variants send, from the input item { number, company, city }. */
const BODY_EXPRESSION =
	"={{ JSON.stringify({ Number: $('Input Items').item.json.number, CustomerGroupId: 1, InternalCompanyId: 1, LanguageIso: 'DE', BillingAddress: { Company: $('Input Items').item.json.company, City: $('Input Items').item.json.city, CountryIso: 'DE' } }) }}";

const batching = {
	batching: { batch: { batchSize: RATE.limit, batchInterval: RATE.intervalSeconds * 1000 } },
};

export function workflows(jtl) {
	return [
		webhookWorkflow('bench-upsert-package', 'Bench: create or update customers (package)', [
			jtlNode('JTL-Wawi', {
				resource: 'customer',
				operation: 'upsert',
				customerNumber: '={{ $json.number }}',
				customerGroupId: 1,
				companyId: 1,
				languageIso: 'DE',
				billingAddress: {
					Company: '={{ $json.company }}',
					City: '={{ $json.city }}',
					CountryIso: 'DE',
				},
				additionalFields: {},
				paymentSettings: {},
				shippingAddress: {},
				options: {},
				// The vendor's record, as the HTTP Request flow returns it. (Simplified, each created
				// customer would cost one more read, for its v2 UUID.)
				simplify: false,
			}),
			noOpNode('Done'),
		]),
		webhookWorkflow(
			'bench-upsert-http',
			'Bench: create or update customers (HTTP Request + IF)',
			[
				httpNode('Find by Number', jtl, {
					url: `${jtl.apiBase}/customers`,
					query: { number: '={{ $json.number }}' },
					options: batching,
				}),
				ifNode('Found?', '={{ $json.Items.length > 0 }}'),
				httpNode('Update', jtl, {
					method: 'PATCH',
					url: `=${jtl.apiBase}/customers/{{ $json.Items[0].Id }}`,
					jsonBody: BODY_EXPRESSION,
					options: batching,
				}),
				httpNode('Create', jtl, {
					method: 'POST',
					url: `${jtl.apiBase}/customers`,
					jsonBody: BODY_EXPRESSION,
					options: batching,
				}),
				noOpNode('Done'),
			],
			{
				connections: {
					'Find by Number': [['Found?']],
					'Found?': [['Update'], ['Create']],
					Update: [['Done']],
					Create: [['Done']],
				},
			},
		),
	];
}

export function scenarios(count) {
	const existing = Math.floor(count / 2);
	return [
		{
			key: 'upsert',
			title: `${count} upserts (Create or Update by number) at ${RATE.limit} requests / ${RATE.intervalSeconds} s per route`,
			variants: { package: 'bench-upsert-package', http: 'bench-upsert-http' },
			// One write per item, and the existing customers found with the fewest reads: one read of
			// the whole list (100 per page). The bound is the busiest route: PATCH for the existing
			// half, POST for the new half (the input alternates between them).
			minimumRequests: count + Math.ceil(existing / 100),
			boundSeconds: (Math.max(existing, count - existing) / RATE.limit) * RATE.intervalSeconds,
			async prepare(bench, { round, variant }) {
				bench.configure({ latencyMs: 20, rateLimit: RATE, customers: existing, reseed: true });
				const marker = `Bench ${round}-${variant}`;
				// Existing and new numbers alternate, as in a feed of changed and new customers.
				const known = bench.jtl.state.customers.slice(0, existing).map((c) => c.number);
				const fresh = Array.from(
					{ length: count - existing },
					(_, i) => `BN${String(i + 1).padStart(5, '0')}`,
				);
				const numbers = Array.from({ length: count }, (_, i) =>
					i % 2 === 0 && known.length ? known.shift() : (fresh.shift() ?? known.shift()),
				);
				this.expected = { numbers, marker };
				// Both variants start at the same point of the vendor's fixed 10 s window.
				await bench.alignToWindow(RATE.intervalSeconds * 1000, 500);
				return {
					body: {
						items: numbers.map((number, i) => ({ number, company: `Bench Co ${i}`, city: marker })),
					},
				};
			},
			check(bench) {
				const { numbers, marker } = this.expected;
				const byNumber = new Map();
				for (const c of bench.jtl.state.customers)
					byNumber.set(c.number, [...(byNumber.get(c.number) ?? []), c]);
				const city = (c) => c.addresses.find((a) => a.type === 0 && a.isDefault)?.city;
				let lost = 0;
				let duplicated = 0;
				for (const number of numbers) {
					const found = byNumber.get(number) ?? [];
					if (found.length > 1) duplicated += found.length - 1;
					if (!found.some((c) => city(c) === marker)) lost++;
				}
				return {
					records: numbers.length - lost,
					lost,
					duplicated,
					extraCustomers:
						bench.jtl.state.customers.length - (existing + (numbers.length - existing)),
					correct: lost === 0 && duplicated === 0,
				};
			},
		},
	];
}
