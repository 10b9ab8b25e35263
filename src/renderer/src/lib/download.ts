/** Reads a picked file as base64 for the contract (files travel as JSON over IPC and HTTP). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

const MIME_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

/** Base64 from the contract back to bytes, as a Blob of the given type. */
export function base64ToBlob(contentBase64: string, type: string): Blob {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** Saves what an object URL holds under a file name (the browser's download; Electron's save dialog). */
export function saveUrlAs(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Saves a generated file: the browser's download, or Electron's save dialog on the desktop. */
export function downloadBase64(fileName: string, contentBase64: string): void {
  const extension = fileName.split('.').pop() ?? '';
  const url = URL.createObjectURL(base64ToBlob(contentBase64, MIME_TYPES[extension] ?? 'application/octet-stream'));
  saveUrlAs(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
