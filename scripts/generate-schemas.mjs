// Writes the output schemas (nodes/*/__schema__) from the package's shapes: the test that checks
// them writes them when UPDATE_SCHEMAS=1. Run after changing a shape: `npm run schemas`.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['jest', 'test/unit/shared/outputSchemas.test.ts'], {
	stdio: 'inherit',
	env: { ...process.env, UPDATE_SCHEMAS: '1' },
});
process.exit(result.status ?? 1);
