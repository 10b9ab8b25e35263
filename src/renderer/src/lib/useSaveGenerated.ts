import { App } from 'antd';
import { downloadBase64 } from './download';

/** A file the core generated: Word and Excel exports, templates. */
export interface GeneratedFile {
  fileName: string;
  contentBase64: string;
  /** Fonts the PC lacks and what was used instead (Word files on the desktop). */
  fontNotes?: string[];
}

/**
 * Runs an export and saves its file, telling the secretary what was saved (and which fonts were
 * replaced), or why nothing was. One place, so every export button behaves the same.
 */
export function useSaveGenerated() {
  const { message } = App.useApp();
  return async <F extends GeneratedFile>(make: () => Promise<F>, saved: ((file: F) => string) | null = (file) => `已导出：${file.fileName}`): Promise<void> => {
    try {
      const file = await make();
      downloadBase64(file.fileName, file.contentBase64);
      if (saved) message.success(saved(file));
      if (file.fontNotes && file.fontNotes.length > 0) message.warning({ content: file.fontNotes.join(''), duration: 10 });
    } catch (error) {
      message.error({ content: (error as Error).message, duration: 8 });
    }
  };
}
