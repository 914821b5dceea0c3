//! The Typst `World` documents are compiled in. `Workshop` holds what every render shares —
//! the standard library, the fonts and the parsed templates — and is built once per process;
//! `Job` adds one render's entry template and its data files on top of it.

use std::collections::HashMap;

use chrono::{Datelike, Local};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::{FontChoice, Fonts};
use super::templates::{TemplateFile, TEMPLATE_FILES};

/// Where a job's data lives in the virtual file system; templates learn it from
/// `sys.inputs.data`.
pub const DATA_PATH: &str = "/data.json";

pub struct Workshop {
    library: LazyHash<Library>,
    fonts: Fonts,
    templates: HashMap<FileId, Source>,
}

impl Workshop {
    pub fn new(fonts: FontChoice) -> Self {
        Self::with_templates(TEMPLATE_FILES, fonts)
    }

    pub fn with_templates(files: &[TemplateFile], fonts: FontChoice) -> Self {
        let mut inputs = Dict::new();
        inputs.insert("data".into(), DATA_PATH.into_value());
        let library = Library::builder().with_inputs(inputs).build();
        let fonts = Fonts::new(fonts);
        let templates = files
            .iter()
            .map(|file| {
                let id = file_id(file.path);
                (id, Source::new(id, file.text.to_owned()))
            })
            .collect();
        Workshop { library: LazyHash::new(library), fonts, templates }
    }

    /// True when the fonts have every character of `text` (ASCII is taken as covered: the
    /// body font has it all).
    pub fn covers(&self, text: &str) -> bool {
        self.fonts.cover(text)
    }

    pub fn template_id(&self, path: &str) -> Option<FileId> {
        let id = file_id(path);
        self.templates.contains_key(&id).then_some(id)
    }
}

/// One render: the entry template and the files that carry this document's data.
pub struct Job<'w> {
    pub workshop: &'w Workshop,
    pub main: FileId,
    pub files: HashMap<FileId, Bytes>,
}

impl<'w> Job<'w> {
    pub fn new(workshop: &'w Workshop, main: FileId, data_json: Vec<u8>) -> Self {
        let mut files = HashMap::new();
        files.insert(file_id(DATA_PATH), Bytes::new(data_json));
        Job { workshop, main, files }
    }

    /// Adds a binary file (such as the coach's logo) at `path`.
    pub fn with_file(mut self, path: &str, bytes: Vec<u8>) -> Self {
        self.files.insert(file_id(path), Bytes::new(bytes));
        self
    }
}

impl World for Job<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.workshop.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.workshop.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match self.workshop.templates.get(&id) {
            Some(source) => Ok(source.clone()),
            None if self.files.contains_key(&id) => Err(FileError::NotSource),
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        match self.workshop.templates.get(&id) {
            Some(source) => Ok(Bytes::from_string(source.clone())),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.workshop.fonts.font(index)
    }

    fn today(&self, offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        let now = match offset {
            None => Local::now().naive_local(),
            Some(offset) => (chrono::Utc::now() + chrono::Duration::seconds(offset.seconds() as i64)).naive_utc(),
        };
        Datetime::from_ymd(now.year(), now.month() as u8, now.day() as u8)
    }
}

pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("template paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}
