import Form from "next/form";
import type { SeasonStats } from "@/lib/data/data-stats";
import { Button } from "../ui/button";
import { Label } from "../ui/label";
import { NativeSelect } from "../ui/native-select";

/** Chooses the season whose table is shown; a GET form, so the choice lives in the URL. */
export function SeasonPicker({ seasons, selected }: { seasons: SeasonStats[]; selected: string | null }) {
  return (
    <Form action="/data" className="flex flex-wrap items-end gap-2">
      <div className="grid gap-2">
        <Label htmlFor="season-picker">Season</Label>
        <NativeSelect id="season-picker" name="season" defaultValue={selected ?? undefined} className="min-w-40">
          {[...seasons].reverse().map((s) => (
            <option key={s.season} value={s.season}>
              {s.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline">
        Show table
      </Button>
    </Form>
  );
}
