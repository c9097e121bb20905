/** The text of the form's file field `name`, or null when no file was chosen (the API takes files as text). */
export async function fileText(data: FormData, name: string): Promise<string | null> {
  const file = data.get(name);
  if (!(file instanceof File) || file.size === 0) return null;
  return file.text();
}
