import '@testing-library/jest-dom';

// Full tab renders (several material tables) are slow on the shared 2-core
// machine; the default 5 s is too tight under load.
jest.setTimeout(30_000);
