//! The session summary: what a session's questions were answered with, each answer printed
//! under the exact wording of the question it answered (the set version it was given under),
//! with the session's notes and homework. A strategy session answers its set once per focus
//! area, so its summary has a part per active area, with the rating taken in the session.

use serde::Serialize;

use super::{dates, ClientData, DocumentKind, PreparedDocument};
use crate::branding::BrandData;
use crate::error::Result;
use crate::methods::{Question, QuestionKind, QuestionSetInput};
use crate::practice::Practice;
use crate::render::{Attachment, Renderer, Template};
use crate::sessions::Session;

/// How sharp the Methods preview of a set's section is: small, as it sits beside the form.
const SECTION_PREVIEW_PIXELS_PER_POINT: f64 = 1.0;

#[derive(Serialize)]
struct SummaryData {
    title: String,
    heading: &'static str,
    date: String,
    session_line: String,
    brand: BrandData,
    client: ClientData,
    labels: Labels,
    parts: Vec<Part>,
    notes: String,
    homework: Vec<HomeworkData>,
}

#[derive(Serialize)]
struct HomeworkData {
    text: String,
    optional: bool,
}

#[derive(Serialize)]
struct Labels {
    answers: &'static str,
    no_questions: &'static str,
    not_answered: &'static str,
    notes: &'static str,
    homework: &'static str,
    optional: &'static str,
}

/// The answers to one run through the set: the session's own, or one focus area's.
#[derive(Serialize)]
struct Part {
    title: Option<String>,
    answers: Vec<AnswerData>,
}

#[derive(Serialize)]
struct AnswerData {
    question: String,
    /// Empty when the question was not answered.
    answer: String,
}

fn rating_text(question: &Question, rating: Option<u8>) -> String {
    match (rating, question.rating_label.trim()) {
        (None, _) => String::new(),
        (Some(value), "") => format!("{value} of 10"),
        (Some(value), label) => format!("{value} of 10 ({label})"),
    }
}

fn answer(question: &Question, text: &str, rating: Option<u8>) -> AnswerData {
    let answer = match question.kind {
        QuestionKind::Rating => rating_text(question, rating),
        QuestionKind::FreeText | QuestionKind::ShortList => text.trim().to_owned(),
    };
    AnswerData { question: question.text.clone(), answer }
}

/// The session summary a question set produces, drawn for Settings → Methods while the coach
/// edits the set (nothing saved): its questions as typed, each with the place its answer
/// prints. Gathered under the practice, drawn without it.
#[derive(Debug, Clone)]
pub struct QuestionSetSectionPreview {
    data: serde_json::Value,
    attachments: Vec<Attachment>,
}

impl QuestionSetSectionPreview {
    /// The summary's first page as PNG bytes.
    pub fn render(self) -> Result<Vec<u8>> {
        Renderer::shared()
            .page_images(Template::SessionSummary, &self.data, self.attachments, SECTION_PREVIEW_PIXELS_PER_POINT)?
            .into_iter()
            .next()
            .ok_or_else(|| crate::Error::Render { message: "the preview has no page".into(), location: None })
    }
}

fn labels(not_answered: &'static str) -> Labels {
    Labels {
        answers: "Questions and answers",
        no_questions: "This session had no questions to answer.",
        not_answered,
        notes: "Notes",
        homework: "Homework",
        optional: "Optional",
    }
}

impl Practice {
    /// The label of a kind of session by its code (a kind the coach added has its own).
    fn session_kind_label(&self, code: &str) -> Result<String> {
        Ok(self.list_session_kinds()?.into_iter().find(|k| k.code == code).map_or_else(|| code.to_owned(), |k| k.label))
    }

    /// What Settings → Methods shows beside a set being edited: the summary a session of the
    /// set's kind prints, with the draft's questions (blank ones left out, as the form says
    /// what is missing) and no answers yet. The set need not be valid or saved.
    pub fn prepare_question_set_preview(&self, input: &QuestionSetInput) -> Result<QuestionSetSectionPreview> {
        let kind = self.session_kind_label(&input.session_kind)?;
        let brand = self.brand()?;
        let answers = input
            .questions
            .iter()
            .filter(|q| !q.text.trim().is_empty())
            .map(|q| AnswerData { question: q.text.trim().to_owned(), answer: String::new() })
            .collect::<Vec<_>>();
        let parts = if answers.is_empty() { Vec::new() } else { vec![Part { title: None, answers }] };
        let today = dates::long(dates::today());
        let data = SummaryData {
            title: format!("Session summary: {}", input.name.trim()),
            heading: "Session summary",
            date: today.clone(),
            session_line: format!("{kind} session, {today}"),
            labels: labels("The client's answer prints here."),
            parts,
            notes: String::new(),
            homework: Vec::new(),
            client: ClientData { name: "Your client".into(), display_name: "Your client".into() },
            brand: brand.data,
        };
        Ok(QuestionSetSectionPreview {
            data: serde_json::to_value(&data).expect("preview data serialises"),
            attachments: brand.logo.into_iter().collect(),
        })
    }

    pub(super) fn prepare_session_summary(&self, session_id: &str) -> Result<PreparedDocument> {
        let session = self.session(session_id)?;
        let client = self.client(&session.client_id)?;
        let kind = self.session_kind_label(session.kind.as_str())?;
        let brand = self.brand()?;
        let homework = self
            .session_homework_of(&session.id)?
            .into_iter()
            .map(|item| HomeworkData { text: item.text, optional: item.is_optional })
            .collect();
        let data = SummaryData {
            title: format!("Session summary: {}, {}", client.name, dates::long(session.held_on)),
            heading: "Session summary",
            date: dates::long(dates::today()),
            session_line: format!("{kind} session, {}", dates::long(session.held_on)),
            labels: labels("Not answered."),
            parts: self.summary_parts(&session)?,
            notes: session.notes.trim().to_owned(),
            homework,
            client: ClientData::from(&client),
            brand: brand.data,
        };
        Ok(PreparedDocument {
            kind: DocumentKind::SessionSummary,
            template: Template::SessionSummary,
            subject: session.held_on.to_string(),
            source_id: session.id,
            client,
            data: serde_json::to_value(&data).expect("summary data serialises"),
            attachments: brand.logo.into_iter().collect(),
        })
    }

    /// The session's own answers; for a strategy session (whose set is answered per focus
    /// area), each active area's answers, its rating question answered by the rating taken in
    /// this session.
    fn summary_parts(&self, session: &Session) -> Result<Vec<Part>> {
        let own = self.session_answers(&session.id)?;
        if !own.is_empty() {
            let answers = own.iter().map(|a| answer(&a.question, &a.text, a.rating)).collect();
            return Ok(vec![Part { title: None, answers }]);
        }
        if session.kind.as_str() != "strategy" {
            return Ok(Vec::new());
        }
        self.focus_areas_of(&session.client_id, false)?
            .into_iter()
            .map(|area| {
                let answers = self
                    .focus_area_answers(&area.id)?
                    .iter()
                    .map(|a| {
                        let rating = a
                            .ratings
                            .iter()
                            .rfind(|r| r.session_id.as_deref() == Some(session.id.as_str()))
                            .map(|r| r.value);
                        answer(&a.question, &a.text, rating)
                    })
                    .collect();
                Ok(Part { title: Some(area.title), answers })
            })
            .collect()
    }
}
