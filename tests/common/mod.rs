//! A practice in a fresh temporary folder, removed when the test ends.
#![allow(dead_code, unused_imports)]

pub mod devices;
pub mod fill;
pub mod killed_child;
mod pdf;
pub mod seeded;

pub use pdf::{flat, pdf_image_count, pdf_text, pdf_text_as_drawn, pdf_word_tops};
use tenfold::clients::{Client, ClientInput};
use tenfold::{Error, Practice};

pub struct TempPractice {
    pub dir: tempfile::TempDir,
    pub practice: Practice,
}

impl std::ops::Deref for TempPractice {
    type Target = Practice;
    fn deref(&self) -> &Practice {
        &self.practice
    }
}

impl TempPractice {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let practice = Practice::open_in(dir.path()).expect("open practice");
        TempPractice { dir, practice }
    }

    /// Closes the database and opens it again, as a restart of the app would.
    pub fn reopen(self) -> Self {
        let TempPractice { dir, practice } = self;
        drop(practice);
        let practice = Practice::open_in(dir.path()).expect("reopen practice");
        TempPractice { dir, practice }
    }

    pub fn add_client(&self, name: &str) -> Client {
        self.practice.create_client(&ClientInput::named(name)).expect("create client")
    }
}

/// The input that writes `set` again as it is: each question keeps its lineage, so a test can
/// change one thing and save the set's next version.
/// Gives a session another time on its own day and kind, or takes its time away (`None`), as
/// the session log's correction form does.
pub fn retime(
    p: &Practice,
    session_id: &str,
    time: Option<tenfold::calendar::SessionTimeInput>,
) -> tenfold::Result<tenfold::calendar::TimedSession> {
    let session = p.session(session_id)?;
    let input = tenfold::calendar::RescheduleInput { held_on: session.held_on.to_string(), kind: session.kind, time };
    p.reschedule_session(session_id, &input)
}

pub fn set_input(set: &tenfold::methods::QuestionSet) -> tenfold::methods::QuestionSetInput {
    tenfold::methods::QuestionSetInput {
        name: set.name.clone(),
        session_kind: set.session_kind.clone(),
        questions: set
            .questions
            .iter()
            .map(|q| tenfold::methods::QuestionInput {
                lineage: Some(q.lineage.clone()),
                text: q.text.clone(),
                hint: q.hint.clone(),
                kind: q.kind,
                rating_label: q.rating_label.clone(),
            })
            .collect(),
    }
}

/// The input that writes `template` again as it is: each dimension keeps its lineage, so a test
/// can reorder or reword one and save the template's next version.
pub fn template_input(template: &tenfold::methods::AssessmentTemplate) -> tenfold::methods::TemplateInput {
    tenfold::methods::TemplateInput {
        name: template.name.clone(),
        scale_min: i32::from(template.scale_min),
        dimensions: template
            .dimensions
            .iter()
            .map(|d| tenfold::methods::DimensionInput { lineage: Some(d.lineage.clone()), label: d.label.clone() })
            .collect(),
    }
}

/// Asserts that `result` failed because of the input in `field`.
#[track_caller]
pub fn assert_invalid<T: std::fmt::Debug>(result: tenfold::Result<T>, field: &str) -> String {
    match result {
        Err(Error::Invalid { field: actual, message }) => {
            assert_eq!(actual, field, "error names the wrong field: {message}");
            assert!(!message.trim().is_empty(), "error for {field} has no message");
            message
        }
        other => panic!("expected an invalid-input error on {field}, got {other:?}"),
    }
}

#[track_caller]
pub fn assert_not_found<T: std::fmt::Debug>(result: tenfold::Result<T>, entity: &str) {
    match result {
        Err(Error::NotFound { entity: actual, .. }) => assert_eq!(actual, entity),
        other => panic!("expected {entity} not found, got {other:?}"),
    }
}

#[track_caller]
pub fn assert_in_trash<T: std::fmt::Debug>(result: tenfold::Result<T>) {
    match result {
        Err(Error::InTrash { entity, .. }) => assert_eq!(entity, "client"),
        other => panic!("expected an in-trash error, got {other:?}"),
    }
}
