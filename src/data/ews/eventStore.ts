import type { StateDb } from '../state/db.ts';
import { publicMarking } from '../../analysis/marking.ts';
import type { MarkedEvent } from '../../analysis/ews/markedEvents.ts';
import { readableSql } from '../security/markingSql.ts';
import type { Reader } from '../security/readContext.ts';
import { seedEvents } from './scanFile.ts';

/**
 * Recorded events (export-control announcements, docs/ews.md): the list shipped with chokepoint (seedEvents.csv,
 * public) and the ones users entered (table ews_events), each with its marking.
 */
const eventColumns = `id, country, hs, targets, to_char(announced, 'YYYY-MM-DD') AS announced,
  to_char(effective, 'YYYY-MM-DD') AS effective, title, source, marking`;

/** Every recorded event with its marking: the shipped seed list (public) and the ones users entered. */
export async function recordedEvents(state: StateDb): Promise<MarkedEvent[]> {
  const rows = await state.query<MarkedEvent>(`SELECT ${eventColumns} FROM ews_events`);
  return [...seedEvents().map((e) => ({ ...e, marking: publicMarking })), ...rows];
}

/**
 * The events a reader may see (every one without a reader): the seed list, then the readable entered ones by
 * announcement date; `seed` tells them apart. Indicators shown to a reader are computed from these only, so a
 * hidden event cannot show through an alert month or a backtest.
 */
export async function readableEvents(
  state: StateDb,
  reader: Reader | undefined,
): Promise<(MarkedEvent & { seed: boolean })[]> {
  const r = readableSql(reader, 'marking', 1);
  const rows = await state.query<MarkedEvent>(
    `SELECT ${eventColumns} FROM ews_events WHERE ${r.sql} ORDER BY announced`,
    r.params,
  );
  return [
    ...seedEvents().map((e) => ({ ...e, seed: true, marking: publicMarking })),
    ...rows.map((e) => ({ ...e, seed: false })),
  ];
}

/** Stores an entered event under its marking; `createdBy` is the user who entered it (null from the CLI). */
export async function recordEvent(db: StateDb, event: MarkedEvent, createdBy: string | null): Promise<void> {
  await db.query(
    'INSERT INTO ews_events (id, country, hs, targets, announced, effective, title, source, marking, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [
      event.id,
      event.country,
      JSON.stringify(event.hs),
      JSON.stringify(event.targets),
      event.announced,
      event.effective,
      JSON.stringify(event.title),
      event.source,
      JSON.stringify(event.marking),
      createdBy,
    ],
  );
}
