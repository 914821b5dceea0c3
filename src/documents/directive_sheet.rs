//! The directive sheet: a directive as the client takes it home. It is built from the
//! client-facing parts only; the coach's rationale is never read here, so it cannot leak
//! into the PDF.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Serialize;

use super::{dates, ClientData, DocumentKind, PreparedDocument};
use crate::branding::BrandData;
use crate::error::{Error, Result};
use crate::ids;
use crate::practice::Practice;
use crate::render::Template;

#[derive(Serialize)]
struct SheetData {
    title: String,
    date: String,
    for_label: &'static str,
    brand: BrandData,
    client: ClientData,
    directive: DirectiveData,
    labels: Labels,
}

#[derive(Serialize)]
struct DirectiveData {
    title: String,
    instructions: String,
    timing: String,
    report_back: String,
    due: Option<String>,
}

#[derive(Serialize)]
struct Labels {
    instructions: &'static str,
    timing: &'static str,
    report_back: &'static str,
    due: &'static str,
}

const LABELS: Labels = Labels {
    instructions: "What to do",
    timing: "When and how often",
    report_back: "What to notice and bring back",
    due: "Bring what you noticed to our session on or before",
};

/// The columns of a directive the client may see; the rationale is deliberately not among them.
struct ClientFacing {
    client_id: String,
    title: String,
    instructions: String,
    timing: String,
    report_back: String,
    due_on: Option<NaiveDate>,
    trashed: bool,
}

impl Practice {
    pub(super) fn prepare_directive_sheet(&self, directive_id: &str) -> Result<PreparedDocument> {
        let id = ids::parse("directive_id", directive_id)?;
        let row = self
            .conn
            .query_row(
                "SELECT client_id, title, instructions, timing, report_back, due_on, trashed_at
                 FROM directive WHERE id = ?1",
                [&id],
                |row| {
                    Ok(ClientFacing {
                        client_id: row.get(0)?,
                        title: row.get(1)?,
                        instructions: row.get(2)?,
                        timing: row.get(3)?,
                        report_back: row.get(4)?,
                        due_on: row.get(5)?,
                        trashed: row.get::<_, Option<String>>(6)?.is_some(),
                    })
                },
            )
            .optional()?;
        let Some(ClientFacing { client_id, title, instructions, timing, report_back, due_on, trashed }) = row else {
            return Err(Error::not_found("directive", id));
        };
        if trashed {
            return Err(Error::InTrash { entity: "directive", id });
        }
        let client = self.client(&client_id)?;
        let brand = self.brand()?;
        let data = SheetData {
            title: format!("{title}: a directive for {}", client.name),
            date: dates::long(dates::today()),
            for_label: "For",
            brand: brand.data,
            client: ClientData::from(&client),
            directive: DirectiveData {
                title: title.clone(),
                instructions,
                timing,
                report_back,
                due: due_on.map(dates::with_weekday),
            },
            labels: LABELS,
        };
        Ok(PreparedDocument {
            kind: DocumentKind::DirectiveSheet,
            template: Template::DirectiveSheet,
            client,
            subject: title,
            source_id: id,
            data: serde_json::to_value(&data).expect("sheet data serialises"),
            attachments: brand.logo.into_iter().collect(),
        })
    }
}
