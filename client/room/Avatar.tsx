import { initials } from "../format";

export function Avatar({ name, color }: { name: string; color: string }) {
  return (
    <span className="avatar" style={{ backgroundColor: color }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
