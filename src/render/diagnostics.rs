//! Turns Typst's diagnostics into the core's error, keeping Typst's own message, its hints and
//! the template location it points at.

use typst::diag::SourceDiagnostic;
use typst::World;
use typst::WorldExt;

use crate::error::Error;

pub fn to_error(world: &dyn World, diagnostics: &[SourceDiagnostic]) -> Error {
    let Some(first) = diagnostics.first() else {
        return Error::Render { message: "Typst reported a problem without a message".into(), location: None };
    };
    let mut message = first.message.to_string();
    for hint in &first.hints {
        message.push_str("; hint: ");
        message.push_str(&hint.v);
    }
    Error::Render { message, location: location(world, first) }
}

fn location(world: &dyn World, diagnostic: &SourceDiagnostic) -> Option<String> {
    let id = diagnostic.span.id()?;
    let path = id.vpath().get_without_slash().to_owned();
    let Some(range) = world.range(diagnostic.span) else {
        return Some(path);
    };
    let source = world.source(id).ok()?;
    let (line, column) = source.lines().byte_to_line_column(range.start)?;
    Some(format!("{path}:{}:{}", line + 1, column + 1))
}
