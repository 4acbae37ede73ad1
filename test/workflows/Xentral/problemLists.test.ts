/**
 * A request-validation problem whose violations come as a list of `{propertyPath, message}`
 * (rather than the mirrored payload the sandbox sends) reaches the user as "field: message"
 * lines, as the other systems show their field errors.
 */
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();

it('shows a violation list as "field: message" lines in the error', async () => {
	await xentral.sandbox.fault({
		method: 'POST',
		path: '/api/v2/customers',
		status: 400,
		headers: { 'Content-Type': 'application/problem+json' },
		body: {
			type: 'https://api.xentral.biz/problems/request-validation',
			title: 'Request payload validation failed.',
			violations: [
				{
					propertyPath: 'contactDetails.email',
					message: 'This value is not a valid email address.',
				},
				{ propertyPath: 'name', message: 'This value should not be blank.' },
			],
		},
	});
	const result = await xentral.run('Xentral/customer-create.workflow.json', [
		{ customerType: 'company', companyName: 'X GmbH', email: 'info@x.example' },
	]);
	expect(result.error?.message).toBe(
		'Xentral: Request payload validation failed. contactDetails.email: This value is not a valid email address.; name: This value should not be blank.',
	);
	expect(result.error?.description).toContain('name: This value should not be blank.');
	expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(
		/propertyPath|\[\d\]/,
	);
});
