// Scenario "upserts under the rate limit": Customer > Create or Update (by customer number) for N
// items, half of them existing customers, half new, at JTL's 60 requests per 10 s per route.
// The HTTP Request flow is what a skilled user builds: GET /customers?number= (batching 60 items
// per 10 s, Retry On Fail), an IF on "found", then PATCH /customers/{Id} or POST /customers (each
// batched the same way). Afterwards the sandbox state is compared: every number exactly once, with
// this run's values. One existing customer in five already holds the values its item carries (a
// feed that sends a customer again): the package's Skip Unchanged sends no write for it, the HTTP
// Request flow writes it all the same; `writesSaved` counts the writes a run did not send.
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
				options: { skipUnchanged: true },
				// The vendor's record, as the HTTP Request flow returns it. (Simplified, the run would
				// cost one read of the v2 list per 100 customers more, after the last write.)
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

/** Every how many existing customers one is sent with the values it already holds. */
const UNCHANGED_EVERY = 5;

/** The main billing address of a sandbox customer. */
const billingOf = (c) => c.addresses.find((a) => a.type === 0 && a.isDefault);

export function scenarios(count) {
	const existing = Math.floor(count / 2);
	const unchanged = Math.ceil(Math.min(existing, Math.ceil(count / 2)) / UNCHANGED_EVERY);
	return [
		{
			key: 'upsert',
			title: `${count} upserts (Create or Update by number) at ${RATE.limit} requests / ${RATE.intervalSeconds} s per route`,
			variants: { package: 'bench-upsert-package', http: 'bench-upsert-http' },
			// One write per item that changes something, and the existing customers found with the
			// fewest reads: one read of the whole list (100 per page). The bound is the busiest route:
			// PATCH for the existing half, POST for the new half (the input alternates between them).
			minimumRequests: count - unchanged + Math.ceil(existing / 100),
			/** Items whose customer already holds their values: the writes Skip Unchanged saves. */
			unchangedItems: unchanged,
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
				// Every fifth existing customer already holds what its item sends.
				const byNumber = new Map(bench.jtl.state.customers.map((c) => [c.number, c]));
				const same = new Map();
				numbers
					.filter((n) => byNumber.has(n))
					.forEach((number, k) => {
						if (k % UNCHANGED_EVERY !== 0) return;
						const c = byNumber.get(number);
						Object.assign(c, { groupId: 1, companyId: 1, languageIso: 'DE' });
						const address = billingOf(c);
						Object.assign(address, { company: `Bench Co ${number}`, countryIso: 'DE' });
						same.set(number, { company: address.company, city: address.city });
					});
				this.expected = { numbers, marker, same };
				// Both variants start at the same point of the vendor's fixed 10 s window.
				await bench.alignToWindow(RATE.intervalSeconds * 1000, 500);
				return {
					body: {
						items: numbers
							.map((number, i) => same.get(number) ?? { company: `Bench Co ${i}`, city: marker })
							.map((values, i) => ({ number: numbers[i], ...values })),
					},
				};
			},
			check(bench) {
				const { numbers, marker, same } = this.expected;
				const byNumber = new Map();
				for (const c of bench.jtl.state.customers)
					byNumber.set(c.number, [...(byNumber.get(c.number) ?? []), c]);
				const city = (c) => billingOf(c)?.city;
				let lost = 0;
				let duplicated = 0;
				for (const number of numbers) {
					const found = byNumber.get(number) ?? [];
					if (found.length > 1) duplicated += found.length - 1;
					const wanted = same.get(number)?.city ?? marker;
					if (!found.some((c) => city(c) === wanted)) lost++;
				}
				// Writes the run sent (a 429 answer, which applied nothing, does not count).
				const writes = bench.jtl.requests.filter(
					(r) => r.path.startsWith('/erp/') && r.method !== 'GET' && r.status !== 429,
				).length;
				return {
					records: numbers.length - lost,
					writesSaved: numbers.length - writes,
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
