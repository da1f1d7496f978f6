'use client';

// The "delete anyway" box a refused deletion of a photo in use asks for (the action's confirm error).
import { useFieldState } from '@/components/ui/action-form';

export function ConfirmInUse() {
  const state = useFieldState();
  const problem = state.errors?.confirm;
  if (!problem) return null;
  return (
    <label className="mb-2 flex items-center gap-2 text-sm font-semibold">
      <input type="checkbox" name="confirm" value="1" /> Delete it anyway
    </label>
  );
}
