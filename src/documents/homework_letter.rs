//! The homework letter: what the client agreed to try after a session, in the coach's own
//! wording (a letter template), signed with their branding. The same letter is available as
//! plain text for the body of an e-mail.

use serde::Serialize;
use specta::Type;

use super::{dates, display_name, ClientData, DocumentKind, PreparedDocument};
use crate::branding::BrandData;
use crate::error::{Error, Result};
use crate::letters::{fill, PlaceholderValues};
use crate::practice::Practice;
use crate::render::Template;
use crate::time;

const HEADING: &str = "Before we meet again";
const OPTIONAL_LABEL: &str = "Optional:";
const DUE_LABEL: &str = "Please try these before";

#[derive(Serialize)]
struct LetterData {
    title: String,
    heading: &'static str,
    for_label: &'static str,
    date: String,
    brand: BrandData,
    client: ClientData,
    letter: Wording,
    items: Vec<ItemData>,
    optional_label: &'static str,
    due_label: &'static str,
    due: Option<String>,
}

#[derive(Serialize)]
struct Wording {
    greeting: String,
    intro: String,
    closing: String,
}

#[derive(Serialize)]
struct ItemData {
    text: String,
    optional: bool,
}

/// The letter as plain text, for pasting into an e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HomeworkLetterText {
    pub subject: String,
    pub body: String,
}

/// Everything both forms of the letter are made from.
struct Letter {
    data: LetterData,
    client: crate::clients::Client,
    session_id: String,
    logo: Option<crate::render::Attachment>,
}

impl Practice {
    fn homework_letter(&self, session_id: &str, template_id: Option<&str>, due_on: Option<&str>) -> Result<Letter> {
        let session = self.session(session_id)?;
        let client = self.client(&session.client_id)?;
        let due_override = time::parse_optional_date("due_on", due_on)?;
        let template = self.letter_template_or_default(template_id)?;
        let items = self.session_homework_of(&session.id)?;
        if items.is_empty() {
            return Err(Error::invalid(
                "session_id",
                "This session has no homework yet; add an item before making the letter",
            ));
        }
        let due = due_override.or_else(|| items.iter().filter_map(|item| item.due_on).min());
        let brand = self.brand()?;
        let values = PlaceholderValues {
            name: display_name(&client),
            full_name: client.name.clone(),
            coach: brand.data.coach.clone(),
            practice: brand.data.practice.clone(),
            session_date: dates::long(session.held_on),
            due: due.map(dates::with_weekday).unwrap_or_default(),
        };
        let data = LetterData {
            title: format!("Homework for {} after {}", values.name, values.session_date),
            heading: HEADING,
            for_label: "For",
            date: dates::long(dates::today()),
            client: ClientData::from(&client),
            letter: Wording {
                greeting: fill(&template.greeting, &values),
                intro: fill(&template.intro, &values),
                closing: fill(&template.closing, &values),
            },
            items: items.into_iter().map(|item| ItemData { text: item.text, optional: item.is_optional }).collect(),
            optional_label: OPTIONAL_LABEL,
            due_label: DUE_LABEL,
            due: due.map(dates::with_weekday),
            brand: brand.data,
        };
        Ok(Letter { data, client, session_id: session.id, logo: brand.logo })
    }

    pub(super) fn prepare_homework_letter(
        &self,
        session_id: &str,
        template_id: Option<&str>,
        due_on: Option<&str>,
    ) -> Result<PreparedDocument> {
        let letter = self.homework_letter(session_id, template_id, due_on)?;
        Ok(PreparedDocument {
            kind: DocumentKind::HomeworkLetter,
            template: Template::HomeworkLetter,
            subject: String::new(),
            source_id: letter.session_id,
            data: serde_json::to_value(&letter.data).expect("letter data serialises"),
            client: letter.client,
            attachments: letter.logo.into_iter().collect(),
        })
    }

    /// The homework letter as an e-mail: a subject line and a plain-text body with the same
    /// wording, items and signature as the PDF.
    pub fn homework_letter_text(
        &self,
        session_id: &str,
        template_id: Option<&str>,
        due_on: Option<&str>,
    ) -> Result<HomeworkLetterText> {
        let LetterData { letter, items, due, brand, client, .. } =
            self.homework_letter(session_id, template_id, due_on)?.data;
        let mut body = String::new();
        for part in [&letter.greeting, &letter.intro] {
            if !part.trim().is_empty() {
                body.push_str(part.trim());
                body.push_str("\n\n");
            }
        }
        for (number, item) in items.iter().enumerate() {
            let optional = if item.optional { format!("{OPTIONAL_LABEL} ") } else { String::new() };
            body.push_str(&format!("{}. {optional}{}\n", number + 1, item.text.trim()));
        }
        body.push('\n');
        if let Some(due) = due {
            body.push_str(&format!("{DUE_LABEL} {due}.\n\n"));
        }
        if !letter.closing.trim().is_empty() {
            body.push_str(letter.closing.trim());
            body.push_str("\n\n");
        }
        let signature: Vec<&str> = [brand.sign_off.as_str(), brand.coach.as_str(), brand.practice.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        body.push_str(&signature.join("\n"));
        body.extend(brand.contact.iter().map(|line| format!("\n{line}")));
        Ok(HomeworkLetterText {
            subject: format!("{HEADING}: your homework, {}", client.display_name),
            body: body.trim_end().to_owned() + "\n",
        })
    }
}
