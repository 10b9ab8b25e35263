import type { z } from 'zod';
import { DOCUMENT_PRESETS_FIELD_LABELS, presetSettingsSchema, type DocumentPresetView, type documentPresetResetInput, type documentPresetSaveInput } from '../../shared/contract/documentPresets';
import { DOCUMENT_PRESETS, DOCUMENT_PRESET_LABELS, type DocumentPreset } from '../../shared/domain/documentPresets';
import { describeSubstitutions } from '../../shared/domain/fonts';
import { presetProblems, type PresetSettings } from '../../shared/domain/presetSettings';
import { applySettings, settingsOf } from '../documents/presetSettings';
import { PRESETS, withInstalledFonts, type DocPreset } from '../documents/presets';
import type { Store } from '../store';
import type { ServiceContext } from './context';
import { ProblemList } from './validation';

// 设置 → 文书格式 (issue 7 item 1). The adjustments live in branch_settings under one key as
// { gbt9704?: PresetSettings, unit?: PresetSettings }; a preset without an entry is the shipped one.
// Every Word export asks `branchPreset` for the layout, so a saved change reaches every document.

const KEY = 'documentPresets';
type Saved = Partial<Record<DocumentPreset, PresetSettings>>;

/** The saved adjustments; an entry that no longer validates (hand-edited file) is ignored. */
function saved(store: Store): Saved {
  const row = store.branchSettings.get(KEY);
  if (!row) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(row.json);
  } catch {
    return {};
  }
  const out: Saved = {};
  for (const name of DOCUMENT_PRESETS) {
    const parsed = presetSettingsSchema.safeParse((raw as Record<string, unknown> | null)?.[name]);
    if (parsed.success && presetProblems(parsed.data).length === 0) out[name] = parsed.data;
  }
  return out;
}

/** The branch's layout for `name`: the shipped preset with the saved adjustments laid over it. */
export function resolvePreset(store: Store, name: DocumentPreset): DocPreset {
  const adjustments = saved(store)[name];
  return adjustments ? applySettings(PRESETS[name], adjustments) : PRESETS[name];
}

/**
 * The layout to render with: the branch's adjusted preset (or `shape` of it, e.g. landscapeTable),
 * its faces swapped for this PC's installed ones, and the notes telling the user about swaps.
 */
export function branchPreset(
  { store, installedFonts }: Pick<ServiceContext, 'store' | 'installedFonts'>,
  name: DocumentPreset,
  shape: (preset: DocPreset) => DocPreset = (preset) => preset,
): { preset: DocPreset; fontNotes: string[] } {
  const adjusted = withInstalledFonts(shape(resolvePreset(store, name)), installedFonts());
  return { preset: adjusted.preset, fontNotes: describeSubstitutions(adjusted.substitutions) };
}

export function createDocumentPresetsService({ store, clock }: ServiceContext) {
  function get(): DocumentPresetView[] {
    const adjustments = saved(store);
    const updatedAt = store.branchSettings.get(KEY)?.updatedAt ?? null;
    return DOCUMENT_PRESETS.map((name) => {
      const defaults = settingsOf(PRESETS[name]);
      const own = adjustments[name];
      return { name, label: DOCUMENT_PRESET_LABELS[name], settings: own ?? defaults, defaults, adjusted: Boolean(own), updatedAt: own ? updatedAt : null };
    });
  }

  function write(next: Saved): void {
    const now = clock().toISOString();
    store.transaction(() => {
      if (Object.keys(next).length === 0) store.branchSettings.delete(KEY);
      else store.branchSettings.put(KEY, JSON.stringify(next), now);
    });
  }

  return {
    get,
    save({ preset, settings }: z.output<typeof documentPresetSaveInput>): DocumentPresetView[] {
      const trimmed: PresetSettings = {
        ...settings,
        fonts: Object.fromEntries(Object.entries(settings.fonts).map(([role, font]) => [role, { ...font, face: font.face.trim() }])) as PresetSettings['fonts'],
      };
      const problems = new ProblemList(DOCUMENT_PRESETS_FIELD_LABELS);
      for (const problem of presetProblems(trimmed)) problems.add(problem.path, problem.message);
      problems.throwIfAny();
      write({ ...saved(store), [preset]: trimmed });
      return get();
    },
    reset({ preset }: z.output<typeof documentPresetResetInput>): DocumentPresetView[] {
      const next = saved(store);
      delete next[preset];
      write(next);
      return get();
    },
  };
}

export type DocumentPresetsService = ReturnType<typeof createDocumentPresetsService>;
