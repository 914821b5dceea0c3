//! "E-mail the letter": the PDF is exported as by the Export button, then the coach's mail
//! program opens with the client's address, the subject, the letter's text and the PDF. Where
//! the system takes only a `mailto:` link, that link opens and the PDF is shown in its folder.

use std::path::PathBuf;

use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use tenfold::documents::DocumentRequest;
use tenfold::mail::{LetterEmailed, MailHandOff};
use tenfold::ErrorView;

use crate::commands::documents::{off_the_lock, starting_the_coachs_program};
use crate::state::AppState;

/// Opens the coach's mail program with the homework letter of `session_id`. `address` is the
/// client's e-mail typed on the spot when their record has none; it is kept on the record.
#[tauri::command]
#[specta::specta]
pub async fn email_letter(
    app: AppHandle,
    state: State<'_, AppState>,
    session_id: String,
    template_id: Option<String>,
    due_on: Option<String>,
    address: Option<String>,
) -> Result<LetterEmailed, ErrorView> {
    let request = DocumentRequest::HomeworkLetter {
        session_id: session_id.clone(),
        template_id: template_id.clone(),
        due_on: due_on.clone(),
    };
    let (mail, pending) = state.with(|p| {
        let mail = p.letter_mail(&session_id, template_id.as_deref(), due_on.as_deref(), address.as_deref())?;
        Ok((mail, p.prepare_export(&request)?))
    })?;
    let written = off_the_lock(move || pending.write()).await?;
    let file = state.with(|p| p.record_export(&written))?;
    let pdf = PathBuf::from(&file.path);
    let to = mail.to.clone();
    let hand_off = starting_the_coachs_program(move || mail.hand_to_mail_program(&pdf)).await?;
    if let MailHandOff::TextOnly { mailto } = &hand_off {
        let opener = app.opener();
        opener.open_url(mailto, None::<&str>).map_err(|e| mail_failure(format!("the mail link did not open: {e}")))?;
        // Shown so the coach can drag it into the message; a file manager that cannot select
        // it is no reason to call the hand-off failed.
        let _ = opener.reveal_item_in_dir(PathBuf::from(&file.path));
    }
    let emailed_at = state.with(|p| p.record_letter_emailed(&session_id))?;
    Ok(LetterEmailed { to, file, hand_off, emailed_at })
}

fn mail_failure(reason: String) -> ErrorView {
    ErrorView::from(&tenfold::Error::MailProgram { reason })
}
