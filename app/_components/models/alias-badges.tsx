import { Badge } from "../ui/badge";

/** The aliases pointing at a version: champion serves predictions, challenger lost the gate last. */
export function AliasBadges({ aliases }: { aliases: string[] }) {
  return (
    <>
      {aliases.map((a) => (
        <Badge key={a} variant={a === "champion" ? "success" : "secondary"} data-alias={a}>
          {a}
        </Badge>
      ))}
    </>
  );
}
