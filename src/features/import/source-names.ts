/** What a file's name says about it; kept apart from the zip reader so the drop handler loads without it. */
const YAML_NAME = /\.ya?ml$/i;

export function isYamlName(name: string): boolean {
  return YAML_NAME.test(name);
}

export function isZipName(name: string): boolean {
  return /\.zip$/i.test(name);
}

export function isManifestSourceName(name: string): boolean {
  return isYamlName(name) || isZipName(name);
}
