import { byteInputs } from './bytes';
import { encodingInputs } from './encodings';
import { installerInputs } from './installers';
import { scaleInputs } from './scale';
import { shapeInputs } from './shapes';
import type { BadInput } from './types';
import { versionInputs } from './versions';
import { zipInputs } from './zips';

/** Every input, archives first: their memory is measured before the big texts have grown the heap. */
export const corpus: readonly BadInput[] = [...zipInputs, ...installerInputs, ...byteInputs, ...shapeInputs, ...encodingInputs, ...versionInputs, ...scaleInputs];
