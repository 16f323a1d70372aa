import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Full tab renders (several material tables) are slow on the shared 2-core
// machine; the defaults (5 s per test, 1 s per findBy) are too tight under load.
jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 15_000 });
