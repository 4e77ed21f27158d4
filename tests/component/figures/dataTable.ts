import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Opens the figure's data table with its "Show data" button and returns the table. */
export async function showData(user: UserEvent): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Show data' }));
  return screen.getByRole('table');
}

/** The text of every column header of `table`, in order. */
export function columnHeaders(table: HTMLElement): (string | null)[] {
  return within(table)
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent);
}
