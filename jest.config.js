/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// The contract tests need the vendor specs, which are not part of the project: they run with
	// `npm run test:contract` (jest.contract.config.js).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/contract/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
	setupFiles: ['<rootDir>/test/setup.js'],
	testTimeout: 30000,
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
	// n8n-core keeps timers alive (e.g. its logger); tests close their own servers.
	forceExit: true,
};
