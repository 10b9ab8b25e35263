/** The layouts a Word document can be exported in (DOMAIN §8); the layouts themselves live in main/documents/presets. */
export const DOCUMENT_PRESETS = ['gbt9704', 'unit'] as const;
export type DocumentPreset = (typeof DOCUMENT_PRESETS)[number];
export const DOCUMENT_PRESET_LABELS: Record<DocumentPreset, string> = { gbt9704: '公文格式（GB/T 9704）', unit: '单位常用格式' };
