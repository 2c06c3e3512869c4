import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./ui/card";

/** A titled card that is a level-2 section of a page; `id` makes it linkable and labelled. */
export function Section({
  id,
  title,
  description,
  children,
}: {
  id?: string;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
}) {
  const titleId = id ? `${id}-title` : undefined;
  return (
    <Card aria-labelledby={titleId} id={id} className="scroll-mt-4">
      <CardHeader>
        <CardTitle id={titleId} role="heading" aria-level={2}>
          {title}
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
