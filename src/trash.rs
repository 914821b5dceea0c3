//! The trash, for every kind of record: what is in it, restoring, and emptying what has been
//! there more than [`PURGE_AFTER_DAYS`] days.
//!
//! Nothing leaves the trash by itself. Purging is an action the coach takes (the trash screen
//! shows how many items are old enough and offers to delete them for good, or
//! `purge_expired_trash` is called explicitly); it reports how many records it removed.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};
use crate::practice::Practice;
use crate::{ids, time};

/// Items stay in the trash at least this long before they may be purged.
pub const PURGE_AFTER_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TrashKind {
    Client,
    Session,
    FocusArea,
    Rating,
    AssessmentMap,
    ClientValue,
    HomeworkItem,
    Formulation,
    Directive,
}

impl TrashKind {
    pub const ALL: [TrashKind; 9] = [
        TrashKind::Client,
        TrashKind::Session,
        TrashKind::FocusArea,
        TrashKind::Rating,
        TrashKind::AssessmentMap,
        TrashKind::ClientValue,
        TrashKind::HomeworkItem,
        TrashKind::Formulation,
        TrashKind::Directive,
    ];

    fn table(self) -> &'static str {
        match self {
            TrashKind::Client => "client",
            TrashKind::Session => "session",
            TrashKind::FocusArea => "focus_area",
            TrashKind::Rating => "rating",
            TrashKind::AssessmentMap => "assessment_map",
            TrashKind::ClientValue => "client_value",
            TrashKind::HomeworkItem => "homework_item",
            TrashKind::Formulation => "formulation",
            TrashKind::Directive => "directive",
        }
    }

    /// The entity name errors use.
    fn entity(self) -> &'static str {
        match self {
            TrashKind::Client => "client",
            TrashKind::Session => "session",
            TrashKind::FocusArea => "focus area",
            TrashKind::Rating => "rating",
            TrashKind::AssessmentMap => "Assessment Map",
            TrashKind::ClientValue => "value",
            TrashKind::HomeworkItem => "homework item",
            TrashKind::Formulation => "formulation",
            TrashKind::Directive => "directive",
        }
    }

    /// SQL for the owning client's id, over the kind's table aliased `t`.
    fn client_id_sql(self) -> &'static str {
        match self {
            TrashKind::Client => "t.id",
            TrashKind::Rating => "(SELECT a.client_id FROM focus_area a WHERE a.id = t.focus_area_id)",
            _ => "t.client_id",
        }
    }

    /// SQL for what must come out of the trash before this record can: its client, or for a
    /// rating its focus area; NULL when nothing blocks it. The same rules `restore_item` keeps.
    fn restore_first_sql(self) -> &'static str {
        const TRASHED_CLIENT: &str =
            "(SELECT c.name FROM client c WHERE c.id = t.client_id AND c.trashed_at IS NOT NULL)";
        match self {
            TrashKind::Client => "NULL",
            TrashKind::Rating => {
                "(SELECT coalesce(CASE WHEN c.trashed_at IS NOT NULL THEN c.name END,
                                  CASE WHEN a.trashed_at IS NOT NULL THEN a.title END)
                  FROM focus_area a JOIN client c ON c.id = a.client_id WHERE a.id = t.focus_area_id)"
            }
            _ => TRASHED_CLIENT,
        }
    }

    /// SQL for the words that tell the coach which record this is; a session or a map is told
    /// by its day alone (`day_sql`).
    fn label_sql(self) -> &'static str {
        match self {
            TrashKind::Client => "t.name",
            TrashKind::Session | TrashKind::AssessmentMap => "''",
            TrashKind::FocusArea => "t.title",
            TrashKind::Rating => "(SELECT a.title FROM focus_area a WHERE a.id = t.focus_area_id) || ': ' || t.value",
            TrashKind::ClientValue => "t.value",
            TrashKind::HomeworkItem => "t.text",
            TrashKind::Formulation => "'version ' || t.version || ': ' || t.presenting_problem",
            TrashKind::Directive => "t.title",
        }
    }

    /// SQL for the session's day and the moment a rating or map was taken (NULL for the rest),
    /// which the interface writes as it writes every date: the moment on the coach's own day.
    fn day_sql(self) -> (&'static str, &'static str) {
        match self {
            TrashKind::Session => ("t.held_on", "NULL"),
            TrashKind::Rating | TrashKind::AssessmentMap => ("NULL", "t.taken_at"),
            _ => ("NULL", "NULL"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TrashedItem {
    pub kind: TrashKind,
    pub id: String,
    pub client_id: String,
    pub client_name: String,
    /// Which record this is, in a few words (a title, a rating and its area); empty for a
    /// session or a map, which are told by their day.
    pub label: String,
    /// A session's day.
    pub held_on: Option<String>,
    /// When a rating or a map was taken.
    pub taken_at: Option<DateTime<Utc>>,
    pub trashed_at: DateTime<Utc>,
    /// From this instant on, purging removes it.
    pub purgeable_from: DateTime<Utc>,
    /// True when it has been in the trash longer than the purge delay.
    pub purgeable: bool,
    /// What must be restored before this can be (its client's name, or for a rating its focus
    /// area's title); none when it can be restored now.
    pub restore_first: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PurgeReport {
    /// Records deleted for good, counting only those that were in the trash themselves (a
    /// purged client takes everything recorded for them along).
    pub removed: u32,
}

impl Practice {
    /// Everything in the trash, most recently trashed first.
    pub fn list_trash(&self) -> Result<Vec<TrashedItem>> {
        let now = time::now();
        let mut items = Vec::new();
        for kind in TrashKind::ALL {
            let sql = format!(
                "SELECT t.id, {client}, (SELECT c.name FROM client c WHERE c.id = {client}), {label}, t.trashed_at,
                        {restore_first}, {held_on}, {taken_at}
                 FROM {table} t WHERE t.trashed_at IS NOT NULL",
                client = kind.client_id_sql(),
                label = kind.label_sql(),
                held_on = kind.day_sql().0,
                taken_at = kind.day_sql().1,
                restore_first = kind.restore_first_sql(),
                table = kind.table()
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([], |row| {
                let trashed_at: DateTime<Utc> = row.get(4)?;
                let purgeable_from = trashed_at + Duration::days(PURGE_AFTER_DAYS);
                Ok(TrashedItem {
                    kind,
                    id: row.get(0)?,
                    client_id: row.get(1)?,
                    client_name: row.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    label: row.get::<_, Option<String>>(3)?.unwrap_or_default(),
                    held_on: row.get(6)?,
                    taken_at: row.get(7)?,
                    trashed_at,
                    purgeable_from,
                    purgeable: now >= purgeable_from,
                    restore_first: row.get(5)?,
                })
            })?;
            items.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        items.sort_by(|a, b| b.trashed_at.cmp(&a.trashed_at).then_with(|| a.id.cmp(&b.id)));
        Ok(items)
    }

    /// Moves a record of any kind to the trash.
    pub fn trash_item(&self, kind: TrashKind, id: &str) -> Result<()> {
        let id = ids::parse("id", id)?;
        match kind {
            TrashKind::Client => return self.trash_client(&id).map(drop),
            TrashKind::ClientValue => return self.trash_client_value(&id).map(drop),
            _ => {}
        }
        let (client_id, trashed) = self.trash_state(kind, &id)?;
        if trashed {
            return Err(Error::InTrash { entity: kind.entity(), id });
        }
        self.require_live_client(&client_id)?;
        self.execute_as_unit(
            &format!("UPDATE {} SET trashed_at = ?2 WHERE id = ?1", kind.table()),
            params![id, time::stamp(time::now())],
        )?;
        if kind == TrashKind::Session {
            self.calendar_follows();
        }
        Ok(())
    }

    /// Takes a record out of the trash. Its client (and, for a rating, its focus area) must
    /// be out of the trash first. A restored area, value or homework item goes to the end of
    /// its list.
    pub fn restore_item(&self, kind: TrashKind, id: &str) -> Result<()> {
        let id = ids::parse("id", id)?;
        if kind == TrashKind::Client {
            return self.restore_client(&id).map(drop);
        }
        let (client_id, trashed) = self.trash_state(kind, &id)?;
        if !trashed {
            return Err(Error::invalid("id", format!("This {} is not in the trash", kind.entity())));
        }
        self.require_live_client(&client_id)?;
        if kind == TrashKind::Rating {
            let area_trashed: bool = self.conn.query_row(
                "SELECT a.trashed_at IS NOT NULL FROM rating r JOIN focus_area a ON a.id = r.focus_area_id WHERE r.id = ?1",
                [&id],
                |row| row.get(0),
            )?;
            if area_trashed {
                return Err(Error::InTrash { entity: "focus area", id });
            }
        }
        let restore = match kind {
            TrashKind::FocusArea => {
                "UPDATE focus_area SET trashed_at = NULL,
                        position = (SELECT coalesce(max(position), 0) + 1 FROM focus_area
                                    WHERE client_id = ?2 AND trashed_at IS NULL)
                 WHERE id = ?1"
            }
            TrashKind::ClientValue => {
                "UPDATE client_value SET trashed_at = NULL,
                        rank = (SELECT coalesce(max(rank), 0) + 1 FROM client_value
                                WHERE client_id = ?2 AND trashed_at IS NULL)
                 WHERE id = ?1"
            }
            TrashKind::HomeworkItem => {
                "UPDATE homework_item SET trashed_at = NULL,
                        position = (SELECT coalesce(max(h.position), 0) + 1 FROM homework_item h
                                    WHERE h.client_id = ?2 AND h.session_id IS homework_item.session_id
                                      AND h.trashed_at IS NULL)
                 WHERE id = ?1"
            }
            _ => "",
        };
        let result = self.atomically(|| {
            Ok(if restore.is_empty() {
                self.conn.execute(&format!("UPDATE {} SET trashed_at = NULL WHERE id = ?1", kind.table()), [&id])
            } else {
                self.conn.execute(restore, params![id, client_id])
            })
        })?;
        match result {
            Ok(_) => {
                if kind == TrashKind::Session {
                    self.calendar_follows();
                }
                Ok(())
            }
            Err(error) if crate::error::is_constraint_violation(&error) => {
                Err(Error::invalid(
                    "id",
                    "That session already has a rating for this focus area; the newer one stays, so this one cannot come back",
                ))
            }
            Err(error) => Err(error.into()),
        }
    }

    /// The owning client and whether the record is in the trash.
    fn trash_state(&self, kind: TrashKind, id: &str) -> Result<(String, bool)> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {}, t.trashed_at IS NOT NULL FROM {} t WHERE t.id = ?1",
                    kind.client_id_sql(),
                    kind.table()
                ),
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::not_found(kind.entity(), id))
    }

    /// How many records have been in the trash longer than the purge delay.
    pub fn purgeable_trash_count(&self) -> Result<u32> {
        Ok(self.list_trash()?.iter().filter(|item| item.purgeable).count() as u32)
    }

    /// Deletes for good every record that has been in the trash more than
    /// [`PURGE_AFTER_DAYS`] days, and says how many. Only ever called by an explicit action.
    pub fn purge_expired_trash(&self) -> Result<PurgeReport> {
        let cutoff = time::stamp(time::now() - Duration::days(PURGE_AFTER_DAYS));
        self.atomically(|| {
            let mut removed = 0;
            // Children before parents, so a count is not swallowed by a cascade.
            for kind in TrashKind::ALL.iter().rev() {
                removed += self.conn.execute(
                    &format!("DELETE FROM {} WHERE trashed_at IS NOT NULL AND trashed_at <= ?1", kind.table()),
                    [&cutoff],
                )?;
            }
            Ok(PurgeReport { removed: removed as u32 })
        })
    }
}
