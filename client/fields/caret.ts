/** Where a caret goes when someone else's edit changes the text around it. Pure. */
import { textSplice } from "../../shared/content/textField";

/** Maps a position in `before` to the same place in `after`, the text between them replaced. */
export function mapPosition(before: string, after: string, position: number): number {
  const { index, remove, insert } = textSplice(before, after);
  if (position <= index) return position;
  if (position >= index + remove) return position - remove + insert.length;
  return index + insert.length;
}
