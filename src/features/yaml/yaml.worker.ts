// Imported from our own source so that Vite's dev server pre-bundles the worker's CommonJS dependencies
// (served raw from node_modules they fail with "module is not defined"); the build is the same either way.
import 'monaco-yaml/yaml.worker.js';
