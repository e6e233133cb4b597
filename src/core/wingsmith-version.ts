/** Written into every file's first line. Kept equal to package.json's version by a unit test. */
export const WINGSMITH_VERSION = '0.1.0';
export const GENERATOR = `Wingsmith ${WINGSMITH_VERSION}`;
