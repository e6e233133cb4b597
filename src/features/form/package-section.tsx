/**
 * The Package section: what the version file holds (PackageIdentifier, PackageVersion, DefaultLocale) and the
 * installer file's Channel. Identity values are edited once here; the store copies them into every file.
 */
import { memo, useMemo } from 'react';
import type { ManifestSet } from '../../core/model/types';
import { fieldTree } from '../../core/schema';
import type { ObjectNode } from '../../core/schema';
import { useEditor } from '../../document/use-editor';
import { useFieldFindings } from './field-findings';
import { FieldList } from './field-list';
import { FieldScopeContext, controlId } from './field-scope';
import type { FieldScope } from './field-scope';
import { setIn } from './form-model';
import type { Segment } from './form-model';
import { useFormSession } from './form-session';
import { useSectionForm } from './use-section-form';
import { MessageList } from './message-list';

/** Keys of the installer file that describe the package version rather than an installer. */
const INSTALLER_PACKAGE_KEYS = new Set(['Channel']);
const FILE_META = new Set(['ManifestType', 'ManifestVersion']);

/**
 * The fields this section edits, in file order: the version file's, then the installer file's Channel. winget
 * rejects any Channel ("Field is not supported"), so it is offered only when a manifest already has one, to remove.
 */
export function packageTree(manifestVersion: string, withChannel = false): ObjectNode {
  const version = fieldTree('version', manifestVersion);
  const installer = fieldTree('installer', manifestVersion);
  const fields = [
    ...version.fields.filter((f) => !FILE_META.has(f.name)),
    ...(withChannel ? installer.fields.filter((f) => INSTALLER_PACKAGE_KEYS.has(f.name)) : []),
  ];
  return {
    kind: 'object',
    fields,
    byLowerName: new Map(fields.map((f) => [f.name.toLowerCase(), f])),
    required: version.required.filter((name) => !FILE_META.has(name)),
  };
}

function packageModel(set: ManifestSet): Record<string, unknown> {
  const version = set.version as Record<string, unknown>;
  const installer = set.installer as Record<string, unknown>;
  return {
    PackageIdentifier: version.PackageIdentifier,
    PackageVersion: version.PackageVersion,
    DefaultLocale: version.DefaultLocale,
    Channel: installer.Channel,
  };
}

/** The header holds the ManifestVersion selector (one per page); its findings still belong with the package. */
function ManifestVersionNote() {
  const version = useEditor((s) => s.manifestVersion);
  const messages = useFieldFindings('version', 'ManifestVersion');
  return (
    <div className="wf-version-note">
      <p className="wf-help">
        {`Every file is written as ManifestVersion ${version}; choose another in the header. Fields that version does not have are not shown.`}
      </p>
      <MessageList messages={messages} />
    </div>
  );
}

interface PackageSectionProps {
  set: ManifestSet;
  manifestVersion: string;
}

export const PackageSection = memo(function PackageSection({ set, manifestVersion }: PackageSectionProps) {
  const session = useFormSession();
  const hasChannel = String((set.installer as Record<string, unknown>).Channel ?? '') !== '';
  const tree = useMemo(() => packageTree(manifestVersion, hasChannel), [manifestVersion, hasChannel]);
  const form = useSectionForm({
    section: 'version',
    tree,
    modelOf: packageModel,
    initialSet: set,
    onChange: (segments: Segment[], value: unknown) => {
      const [key] = segments;
      const file = typeof key === 'string' && INSTALLER_PACKAGE_KEYS.has(key) ? 'installer' : 'version';
      session.edit((s) => setIn(s, [file, ...segments], value));
      // The store keeps the default locale's PackageLocale equal to DefaultLocale; show that there too.
      if (key === 'DefaultLocale') session.refresh('defaultLocale');
    },
  });
  const scope = useMemo<FieldScope>(() => ({ form, control: form.control, section: 'version' }), [form]);
  return (
    <section className="wf-section" id={controlId('version', '')} tabIndex={-1} aria-labelledby="wf-heading-package">
      <h2 id="wf-heading-package" className="wf-section-title">
        Package
      </h2>
      <p className="wf-section-hint">Who the package is and which version this is. Written to every file.</p>
      <FieldScopeContext.Provider value={scope}>
        <FieldList node={tree} prefix="" group="package" />
      </FieldScopeContext.Provider>
      <ManifestVersionNote />
    </section>
  );
});
