// `npm run test:contract`: the requests the nodes send, checked against the vendor OpenAPI specs
// with Stoplight Prism. The specs are read from ERP_SPECS_DIR (default ../shared/specs beside the
// repository); the global set-up stops the run when they are missing.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: ['<rootDir>/test/contract'],
	testMatch: ['**/*.contract.test.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	globalSetup: '<rootDir>/test/contract/globalSetup.ts',
};
